package dev.lingogate.stack.template;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation YAML: the short-form tags ({@code !Ref X}, {@code !GetAtt X.Arn},
 * {@code !Sub "..."}, {@code !Join [...]}, ...) become the long form that JSON templates use
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["X", "Arn"]}}, ...), so that one resolver handles both.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    static Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new TagConstructor(options)).load(text);
    }

    private static final class TagConstructor extends SafeConstructor {

        TagConstructor(LoaderOptions options) {
            super(options);
        }

        @Override
        protected Construct getConstructor(Node node) {
            String tag = node.getTag().getValue();
            if (tag.startsWith("!")) {
                return new IntrinsicConstruct(tag.substring(1));
            }
            return super.getConstructor(node);
        }

        private final class IntrinsicConstruct extends AbstractConstruct {

            private final String name;

            IntrinsicConstruct(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = scalar.getValue();
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                if (name.equals("Ref")) {
                    return Map.of("Ref", value);
                }
                if (name.equals("GetAtt") && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    if (dot < 0) {
                        throw new TemplateException("!GetAtt needs Resource.Attribute, not " + dotted);
                    }
                    return Map.of("Fn::GetAtt", List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
                }
                return Map.of("Fn::" + name, value);
            }
        }
    }
}
