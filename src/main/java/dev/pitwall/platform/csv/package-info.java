/** Reading uploaded CSV files by header, with every problem reported by line and column. */
@org.springframework.modulith.NamedInterface("csv")
package dev.pitwall.platform.csv;
