package dev.lingogate.iam.policy;

import java.util.List;

/** One statement of an identity-based policy: an effect on some actions over some resources. */
public final class Statement {

    private final Effect effect;
    private final List<String> actions;
    private final List<String> resources;
    private final List<ArnPattern> actionPatterns;
    private final List<ArnPattern> resourcePatterns;

    public Statement(Effect effect, List<String> actions, List<String> resources) {
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a policy statement needs at least one Action");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a policy statement needs at least one Resource");
        }
        this.effect = effect;
        this.actions = List.copyOf(actions);
        this.resources = List.copyOf(resources);
        this.actionPatterns = actions.stream().map(ArnPattern::action).toList();
        this.resourcePatterns = resources.stream().map(ArnPattern::resource).toList();
    }

    public Effect effect() {
        return effect;
    }

    public List<String> actions() {
        return actions;
    }

    public List<String> resources() {
        return resources;
    }

    boolean covers(String action, String resource) {
        return actionPatterns.stream().anyMatch(p -> p.matches(action))
                && resourcePatterns.stream().anyMatch(p -> p.matches(resource));
    }

    @Override
    public String toString() {
        return effect + " " + actions + " on " + resources;
    }
}
