package dev.lingogate.stack.template;

import java.nio.file.Path;
import java.util.List;

/**
 * What a SAM template defines that the local stack runs: tables, functions and their routes, and the
 * APIs those routes belong to.
 *
 * @param folder the template's folder, against which CodeUri paths resolve
 * @param apis   the template's APIs, and SAM's implicit one when some event names none
 */
public record Template(Path folder, String stackName, String region, String accountId, List<TableSpec> tables,
        List<FunctionSpec> functions, List<ApiSpec> apis) {

    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("no function " + logicalId + " in the template"));
    }

    public ApiSpec api(String logicalId) {
        return apis.stream().filter(a -> a.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("no API " + logicalId + " in the template"));
    }
}
