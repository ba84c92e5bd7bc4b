package dev.pitwall.portfolio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pitwall.people.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything about one workflow, resolved to names for pages and the API.
 *
 * @param workflow the header
 * @param steps the steps in order
 * @param systems the AI systems it uses
 * @param intendedUsers named people and whole teams
 * @param roles the roles with members and required skills
 * @param decisionRights all nine rights, held or not
 * @param dataSources the data sources with their latest assessment
 */
public record WorkflowDetails(Workflow workflow, List<Step> steps, List<SystemRef> systems,
        List<IntendedUser> intendedUsers, List<Role> roles, List<RightHolding> decisionRights,
        List<DataSource> dataSources) {

    /** A step, numbered from 1. */
    public record Step(int order, String name, ActorType actor, String tool, boolean manualHandoff,
            boolean manualDataAssembly) {
    }

    /** An AI system the workflow uses. */
    public record SystemRef(long id, String key, String name, AiSystemKind kind) {
    }

    /** A named person or a whole team the workflow is for. */
    public record IntendedUser(Long personId, String personName, String personEmail, Long teamId, String teamName) {
    }

    /** A person, as roles and rights show them. */
    public record PersonRef(long id, String name, String email, boolean active, Tier tier) {
    }

    /** A role with its people and the skill levels it requires. */
    public record Role(long id, String name, String description, List<PersonRef> members, List<RequiredSkill> skills) {
    }

    /** A skill a role requires, at a level of 1 to 4. */
    public record RequiredSkill(long skillId, String skillName, int level) {
    }

    /** Whether a right is held by a named, active person, or by a role with at least one active member. */
    public enum RightStatus { HELD, UNHELD, HOLDER_INACTIVE }

    /**
     * A decision right and who holds it: a person, or one of the workflow's roles (whose members
     * then share it, e.g. one review queue for every claims handler), or nobody.
     *
     * @param right the right
     * @param holder the person holding it, or {@code null}
     * @param note a remark, e.g. "it depends on the case"
     * @param role the role holding it, or {@code null}
     */
    public record RightHolding(DecisionRight right, PersonRef holder, String note, RoleHolder role) {

        public RightHolding(DecisionRight right, PersonRef holder, String note) {
            this(right, holder, note, null);
        }

        @JsonProperty("status")
        public RightStatus status() {
            if (holder != null) {
                return holder.active() ? RightStatus.HELD : RightStatus.HOLDER_INACTIVE;
            }
            if (role != null && role.exists()) {
                return role.members().stream().anyMatch(PersonRef::active) ? RightStatus.HELD : RightStatus.HOLDER_INACTIVE;
            }
            return RightStatus.UNHELD;
        }

        public boolean isGap() {
            return status() != RightStatus.HELD;
        }

        /** The active people who hold the right: the holder, or the role's active members by name. */
        public List<PersonRef> activeHolders() {
            if (holder != null) {
                return holder.active() ? List.of(holder) : List.of();
            }
            return role == null ? List.of() : role.members().stream().filter(PersonRef::active)
                    .sorted(java.util.Comparator.comparing(PersonRef::name)).toList();
        }

        /** Whether this active person holds the right, in person or as an active member of its role. */
        public boolean heldBy(long personId) {
            return activeHolders().stream().anyMatch(p -> p.id() == personId);
        }

        /** Who holds it, in words: a name, "role Claims handler", or "nobody". */
        @JsonProperty("holderName")
        public String holderName() {
            if (holder != null) {
                return holder.name();
            }
            return role == null ? "nobody" : "role " + role.name();
        }

        /** Why the right is a gap, in words ({@code null} when held). */
        public String gapReason() {
            return switch (status()) {
                case HELD -> null;
                case HOLDER_INACTIVE -> holder != null ? right + " is held by " + holder.name() + ", who is no longer active"
                        : right + " is held by the role " + role.name() + ", which has no active member";
                case UNHELD -> role != null ? right + " is held by the role " + role.name() + ", which the workflow no longer has"
                        : right + " is held by nobody";
            };
        }
    }

    /**
     * A role holding a decision right.
     *
     * @param name the role's name
     * @param exists whether the workflow still has a role of that name
     * @param members its members
     */
    public record RoleHolder(String name, boolean exists, List<PersonRef> members) {
    }

    /** A data source with its latest readiness assessment ({@code null} when never assessed). */
    public record DataSource(long id, String name, String owningSystem, PersonRef steward, DataAssessment latest) {
    }

    /**
     * A readiness assessment of a data source, each dimension 0–4.
     *
     * @param id the assessment's id
     * @param assessedOn when
     * @param freshness how current the data is
     * @param quality how correct and complete it is
     * @param access how easily the workflow can reach it
     * @param governance how well its use is governed
     * @param note a remark
     */
    public record DataAssessment(long id, LocalDate assessedOn, int freshness, int quality, int access, int governance,
            String note) {

        /** The readiness score: the mean of the four dimensions, 0–4, to two decimals. */
        @JsonProperty("score")
        public BigDecimal score() {
            return BigDecimal.valueOf(freshness + quality + access + governance).divide(BigDecimal.valueOf(4), 2,
                    RoundingMode.HALF_UP);
        }

        /** The lowest of the four dimensions. */
        @JsonProperty("weakest")
        public int weakest() {
            return Math.min(Math.min(freshness, quality), Math.min(access, governance));
        }
    }

    public long manualHandoffs() {
        return steps.stream().filter(Step::manualHandoff).count();
    }

    public long manualDataAssemblySteps() {
        return steps.stream().filter(Step::manualDataAssembly).count();
    }

    public List<RightHolding> gaps() {
        return decisionRights.stream().filter(RightHolding::isGap).toList();
    }
}
