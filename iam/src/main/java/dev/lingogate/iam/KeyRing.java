package dev.lingogate.iam;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The access keys this installation knows, each bound to the principal it authenticates. */
public final class KeyRing {

    private record Entry(AccessKey key, Principal principal) {}

    private final ConcurrentMap<String, Entry> byId = new ConcurrentHashMap<>();

    public void add(AccessKey key, Principal principal) {
        byId.put(key.id(), new Entry(key, principal));
    }

    public void remove(String accessKeyId) {
        byId.remove(accessKeyId);
    }

    public Optional<String> secretOf(String accessKeyId) {
        return Optional.ofNullable(byId.get(accessKeyId)).map(entry -> entry.key().secret());
    }

    public Optional<Principal> principalOf(String accessKeyId) {
        return Optional.ofNullable(byId.get(accessKeyId)).map(Entry::principal);
    }
}
