package dev.lingogate.dynamodb.table;

/** One attribute of a table's primary key: its name and scalar type (S, N or B). */
public record KeyAttribute(String name, String type) {
}
