package dev.pitwall.people;

import java.util.List;

/**
 * What an all-or-nothing CSV import did.
 *
 * @param rows data lines read
 * @param created records created
 * @param updated records changed
 * @param unchanged records that were already as the file says
 * @param teamsCreated teams that did not exist and were created (people import only)
 * @param ignoredColumns header columns that Pitwall does not know and did not read
 */
public record ImportResult(int rows, int created, int updated, int unchanged, List<String> teamsCreated,
        List<String> ignoredColumns) {
}
