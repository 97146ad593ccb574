package dev.lingogate.translate.glossary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The terms of a terminology file, read as Amazon Translate reads its three formats: CSV and TSV
 * with a header row of language codes ({@code en,fr,es}) and one term per column below it, and
 * TMX, one {@code <tu>} per term with a {@code <tuv xml:lang>} per language. A term longer than
 * Amazon Translate's {@value #MAX_TERM_BYTES} bytes, or a row that does not fit the header or has fewer than two
 * terms, is skipped and counted, as AWS skips it.
 *
 * @param format    {@code CSV}, {@code TSV} or {@code TMX}
 * @param languages the file's languages, the source of a {@code UNI} terminology first
 * @param rows      one list per term, a cell per language ({@code ""} where a language has none)
 * @param skipped   how many terms were left out
 */
public record TermTable(String format, List<String> languages, List<List<String>> rows, int skipped) {

    public static final List<String> FORMATS = List.of("CSV", "TMX", "TSV");
    static final int MAX_TERM_BYTES = 200;
    static final int MAX_TARGET_LANGUAGES = 10;

    /** @throws InvalidGlossary if the file cannot be read as {@code format}, or has no term */
    public static TermTable parse(String format, byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> table = switch (format) {
            case "CSV" -> csv(text);
            case "TSV" -> text.lines().map(line -> List.of(line.split("\t", -1))).toList();
            case "TMX" -> tmx(file);
            default -> throw new InvalidGlossary("The terminology data format " + format + " is not one of " + FORMATS + ".");
        };
        List<List<String>> nonBlank = table.stream()
                .filter(row -> row.stream().anyMatch(cell -> !cell.isBlank()))
                .toList();
        if (nonBlank.isEmpty()) {
            throw new InvalidGlossary("The terminology file is empty: its first row must name the languages, e.g. en,fr.");
        }
        List<String> languages = languages(nonBlank.get(0));
        List<List<String>> rows = new ArrayList<>();
        int skipped = 0;
        for (List<String> row : nonBlank.subList(1, nonBlank.size())) {
            List<String> terms = row.stream().map(String::strip).toList();
            if (terms.size() != languages.size() || terms.stream().filter(term -> !term.isEmpty()).count() < 2
                    || terms.stream().anyMatch(TermTable::tooLong)) {
                skipped++;
            } else {
                rows.add(terms);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidGlossary("The terminology file has no term under its header row " + languages + ".");
        }
        return new TermTable(format, languages, List.copyOf(rows), skipped);
    }

    /** The number of terms, as TerminologyProperties' {@code TermCount} gives it. */
    public int termCount() {
        return rows.size();
    }

    /** The table written in a format, for a terminology asked for in another format than it was imported in. */
    public byte[] write(String toFormat) {
        StringBuilder out = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(languages);
        all.addAll(rows);
        switch (toFormat) {
            case "CSV" -> all.forEach(row -> out.append(String.join(",", row.stream().map(TermTable::csvCell).toList())).append('\n'));
            case "TSV" -> all.forEach(row -> out.append(String.join("\t", row)).append('\n'));
            case "TMX" -> {
                out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n <header srclang=\"")
                        .append(languages.get(0)).append("\" datatype=\"PlainText\" segtype=\"phrase\"/>\n <body>\n");
                for (List<String> row : rows) {
                    out.append("  <tu>\n");
                    for (int i = 0; i < languages.size(); i++) {
                        if (!row.get(i).isEmpty()) {
                            out.append("   <tuv xml:lang=\"").append(languages.get(i)).append("\"><seg>")
                                    .append(xml(row.get(i))).append("</seg></tuv>\n");
                        }
                    }
                    out.append("  </tu>\n");
                }
                out.append(" </body>\n</tmx>\n");
            }
            default -> throw new InvalidGlossary("The terminology data format " + toFormat + " is not one of " + FORMATS + ".");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> languages(List<String> header) {
        Set<String> languages = new LinkedHashSet<>();
        for (String cell : header) {
            String code = cell.strip();
            if (!code.matches("[A-Za-z]{2,3}(-[A-Za-z]{2,4})?")) {
                throw new InvalidGlossary("The terminology file's first row must name a language in each column, "
                        + "e.g. en,fr; '" + code + "' is not a language code.");
            }
            if (!languages.add(lowerLanguage(code))) {
                throw new InvalidGlossary("The language " + code + " appears twice in the terminology file's first row.");
            }
        }
        if (languages.size() < 2) {
            throw new InvalidGlossary("A terminology file names at least two languages, a source and a target; found " + languages + ".");
        }
        if (languages.size() > MAX_TARGET_LANGUAGES + 1) {
            throw new InvalidGlossary("A terminology file has at most " + MAX_TARGET_LANGUAGES + " target languages; found "
                    + (languages.size() - 1) + ".");
        }
        return List.copyOf(languages);
    }

    /** {@code zh-TW} keeps its region in capitals, as Amazon Translate's codes do. */
    private static String lowerLanguage(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? code.toLowerCase(Locale.ROOT)
                : code.substring(0, dash).toLowerCase(Locale.ROOT) + "-" + code.substring(dash + 1).toUpperCase(Locale.ROOT);
    }

    private static boolean tooLong(String term) {
        return term.getBytes(StandardCharsets.UTF_8).length > MAX_TERM_BYTES;
    }

    /** RFC 4180: fields separated by commas, quoted with {@code "} when they hold commas, quotes or line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidGlossary("The CSV terminology file ends inside a quoted field.");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> tmx(byte[] file) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A terminology file is data from a caller: no DTD, no external entity may be fetched.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(file));
        } catch (SAXException | IOException e) {
            throw new InvalidGlossary("The TMX terminology file is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser takes these features", e);
        }
        List<String> languages = new ArrayList<>();
        NodeList headers = document.getElementsByTagName("header");
        if (headers.getLength() > 0 && !((Element) headers.item(0)).getAttribute("srclang").isEmpty()) {
            languages.add(((Element) headers.item(0)).getAttribute("srclang"));
        }
        List<List<String[]>> units = new ArrayList<>();
        NodeList tus = document.getElementsByTagName("tu");
        for (int i = 0; i < tus.getLength(); i++) {
            List<String[]> variants = new ArrayList<>();
            NodeList tuvs = ((Element) tus.item(i)).getElementsByTagName("tuv");
            for (int j = 0; j < tuvs.getLength(); j++) {
                Element tuv = (Element) tuvs.item(j);
                String language = tuv.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
                NodeList segs = tuv.getElementsByTagName("seg");
                if (!language.isEmpty() && segs.getLength() > 0) {
                    if (!languages.contains(language)) {
                        languages.add(language);
                    }
                    variants.add(new String[] {language, segs.item(0).getTextContent()});
                }
            }
            units.add(variants);
        }
        List<List<String>> table = new ArrayList<>();
        table.add(languages);
        for (List<String[]> variants : units) {
            String[] row = new String[languages.size()];
            Arrays.fill(row, "");
            variants.forEach(variant -> row[languages.indexOf(variant[0])] = variant[1]);
            table.add(List.of(row));
        }
        return table;
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
