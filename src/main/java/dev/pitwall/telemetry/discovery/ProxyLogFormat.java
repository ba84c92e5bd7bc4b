package dev.pitwall.telemetry.discovery;

/** The web-proxy and CASB log formats Pitwall reads (docs/telemetry.md, "Shadow AI discovery"). */
public enum ProxyLogFormat {
    /** Squid's native access.log: whitespace-separated, one request a line. */
    SQUID,
    /** A Zscaler NSS web log feed in CSV, with a header row naming its fields. */
    ZSCALER,
    /** A Netskope web transaction or event export in CSV, with its header row. */
    NETSKOPE
}
