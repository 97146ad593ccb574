package dev.lingogate.stack.template;

import java.nio.file.Path;
import java.util.List;

/**
 * What a SAM template defines that the local stack runs: tables, functions and their routes.
 *
 * @param folder the template's folder, against which CodeUri paths resolve
 */
public record Template(Path folder, String stackName, String region, String accountId, List<TableSpec> tables,
        List<FunctionSpec> functions) {

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("no function " + logicalId + " in the template"));
    }
}
