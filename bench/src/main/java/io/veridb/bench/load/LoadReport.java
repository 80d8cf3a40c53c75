package io.veridb.bench.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of a load run.
 *
 * @param options what was run
 * @param measuredSeconds measured wall time
 * @param operations one line per operation that was picked at least once
 * @param total all operations together
 * @param firstError the first failure seen, if any
 */
public record LoadReport(LoadOptions options, double measuredSeconds, List<OperationStats> operations,
        OperationStats total, Optional<String> firstError) {

    public LoadReport {
        Objects.requireNonNull(options, "options");
        operations = List.copyOf(operations);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(firstError, "firstError");
    }
}
