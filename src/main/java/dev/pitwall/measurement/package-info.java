/** Measures what AI delivers: measurement contracts, measurements, deployments and the balanced scorecards. */
@org.springframework.modulith.ApplicationModule(displayName = "Measurement")
package dev.pitwall.measurement;
