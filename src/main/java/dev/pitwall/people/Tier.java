package dev.pitwall.people;

/** A person's AI workforce tier. */
public enum Tier {
    /** Engineers and data scientists who build AI systems. */
    BUILDER,
    /** Product managers, analysts and domain experts who connect AI output to operations. */
    INTEGRATOR,
    /** Business leaders and frontline users who use AI in their work. */
    CONSUMER
}
