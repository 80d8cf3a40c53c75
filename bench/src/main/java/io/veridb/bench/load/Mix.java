package io.veridb.bench.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Relative weights of the operations a load client picks from, for example {@code set:1,get:4} (one set for
 * every four gets). Immutable; {@link #pick} is thread-safe given a per-thread {@link Random}.
 */
public final class Mix {

    private final Map<Operation, Integer> weights;
    private final Operation[] table;

    private Mix(Map<Operation, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        this.table = new Operation[total];
        int i = 0;
        for (Map.Entry<Operation, Integer> e : weights.entrySet()) {
            for (int n = 0; n < e.getValue(); n++) {
                table[i++] = e.getKey();
            }
        }
    }

    /**
     * Parses {@code op[:weight],...}; a missing weight is 1.
     *
     * @throws IllegalArgumentException on an unknown operation, a weight outside 1..1000 or an empty mix
     */
    public static Mix parse(String spec) {
        Map<Operation, Integer> w = new EnumMap<>(Operation.class);
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            Operation op = Operation.of(colon < 0 ? p : p.substring(0, colon).trim());
            int weight;
            try {
                weight = colon < 0 ? 1 : Integer.parseInt(p.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "weight of " + op.label() + " in mix '" + spec + "' is not a number");
            }
            if (weight < 1 || weight > 1000) {
                throw new IllegalArgumentException("weight of " + op.label() + "=" + weight + ", want 1..1000");
            }
            w.merge(op, weight, Integer::sum);
        }
        if (w.isEmpty()) {
            throw new IllegalArgumentException("mix '" + spec + "' names no operation");
        }
        return new Mix(w);
    }

    /** The weights, in operation order. */
    public Map<Operation, Integer> weights() {
        return weights;
    }

    /** True if some operation reads preloaded keys. */
    public boolean reads() {
        return weights.keySet().stream().anyMatch(Operation::reads);
    }

    /** A weighted random operation. */
    public Operation pick(Random random) {
        return table[random.nextInt(table.length)];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((op, n) -> sb.append(sb.length() == 0 ? "" : ",").append(op.label()).append(':').append(n));
        return sb.toString();
    }
}
