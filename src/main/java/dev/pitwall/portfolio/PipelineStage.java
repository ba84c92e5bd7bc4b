package dev.pitwall.portfolio;

/** The stages of an initiative's two synchronized pipelines, in order within each track. */
public enum PipelineStage {
    COLLECT(Track.TECHNICAL), CLEAN(Track.TECHNICAL), BUILD(Track.TECHNICAL), DEPLOY(Track.TECHNICAL),
    MAP_SKILLS(Track.WORKFORCE), UPSKILL(Track.WORKFORCE), APPLY_IN_WORKFLOW(Track.WORKFORCE),
    ADOPT_AND_REITERATE(Track.WORKFORCE);

    /** The technical pipeline and the workforce pipeline. */
    public enum Track { TECHNICAL, WORKFORCE }

    private final Track track;

    PipelineStage(Track track) {
        this.track = track;
    }

    public Track track() {
        return track;
    }
}
