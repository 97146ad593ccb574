package dev.lingogate.stack.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation's intrinsic functions in a template value: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}. Conditions and imports
 * need a deployed account and are refused with a message that names them.
 */
final class Intrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Function<String, String> ref;
    private final BiFunction<String, String, String> getAtt;

    /**
     * @param ref    the value of {@code Ref} for a logical id, parameter or pseudo parameter
     * @param getAtt the value of {@code Fn::GetAtt} for a logical id and attribute
     */
    Intrinsics(Function<String, String> ref, BiFunction<String, String, String> getAtt) {
        this.ref = ref;
        this.getAtt = getAtt;
    }

    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return function(key, map.values().iterator().next());
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(resolve(item)));
            return out;
        }
        return value;
    }

    String resolveString(Object value, String where) {
        Object resolved = resolve(value);
        if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved);
        }
        throw new TemplateException(where + " must be a string, not " + resolved);
    }

    private Object function(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref.apply(String.valueOf(resolve(argument)));
            case "Fn::GetAtt" -> getAtt(resolve(argument));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(resolve(argument));
            case "Fn::Select" -> select(resolve(argument));
            case "Fn::Split" -> split(resolve(argument));
            default -> throw new TemplateException(name + " is not supported by the local stack");
        };
    }

    private String getAtt(Object argument) {
        List<?> parts = argument instanceof List<?> list ? list : List.of(String.valueOf(argument).split("\\.", 2));
        if (parts.size() != 2) {
            throw new TemplateException("Fn::GetAtt needs [LogicalId, Attribute], not " + argument);
        }
        return getAtt.apply(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> vars) {
            text = String.valueOf(list.get(0));
            Map<String, Object> resolvedVars = new LinkedHashMap<>();
            vars.forEach((k, v) -> resolvedVars.put(String.valueOf(k), resolve(v)));
            variables = resolvedVars;
        } else if (argument instanceof String string) {
            text = string;
        } else {
            throw new TemplateException("Fn::Sub needs a string or [string, {variables}], not " + argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            String replacement;
            if (variables.containsKey(variable)) {
                replacement = String.valueOf(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = getAtt.apply(variable.substring(0, dot), variable.substring(dot + 1));
            } else {
                replacement = ref.apply(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        // ${!Literal} writes ${Literal}, as CloudFormation does.
        return out.toString().replace("${!", "${");
    }

    private static String join(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(1) instanceof List<?> items)) {
            throw new TemplateException("Fn::Join needs [delimiter, [values]], not " + argument);
        }
        List<String> strings = items.stream().map(String::valueOf).toList();
        return String.join(String.valueOf(list.get(0)), strings);
    }

    private static Object select(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 2 || !(list.get(1) instanceof List<?> items)) {
            throw new TemplateException("Fn::Select needs [index, [values]], not " + argument);
        }
        int index = Integer.parseInt(String.valueOf(list.get(0)));
        if (index < 0 || index >= items.size()) {
            throw new TemplateException("Fn::Select index " + index + " is outside the list " + items);
        }
        return items.get(index);
    }

    private static List<String> split(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 2) {
            throw new TemplateException("Fn::Split needs [delimiter, string], not " + argument);
        }
        return List.of(String.valueOf(list.get(1)).split(Pattern.quote(String.valueOf(list.get(0))), -1));
    }
}
