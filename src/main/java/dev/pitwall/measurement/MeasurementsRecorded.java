package dev.pitwall.measurement;

import java.util.List;

/**
 * What a batch or import of measurements did; all lines were valid, or none was stored.
 *
 * @param rows measurements read
 * @param created periods recorded for the first time
 * @param updated periods whose value changed
 * @param unchanged periods that already had this value
 * @param ignoredColumns CSV columns Pitwall does not know and did not read
 */
public record MeasurementsRecorded(int rows, int created, int updated, int unchanged, List<String> ignoredColumns) {
}
