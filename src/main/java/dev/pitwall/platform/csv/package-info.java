/**
 * Reading uploaded CSV files by header, with every problem reported by line and column; writing
 * CSV downloads that no spreadsheet runs as formulas.
 */
@org.springframework.modulith.NamedInterface("csv")
package dev.pitwall.platform.csv;
