package dev.pitwall.operations;

/** How bad an incident is; SEV1 the worst. Each has an acknowledgement deadline (OperationsProperties). */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
