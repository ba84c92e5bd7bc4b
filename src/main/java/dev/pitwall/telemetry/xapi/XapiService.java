package dev.pitwall.telemetry.xapi;

import dev.pitwall.people.LearningRecord;
import dev.pitwall.people.NewLearningRecord;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Skill;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.TelemetryProperties;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.Batches;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An xAPI statement endpoint that turns {@code completed}, {@code passed} and {@code failed}
 * statements into learning records of the directory's people (actor by {@code mbox} email or by
 * {@code account.name} = external id). Every valid statement is kept, as an LRS would; those of
 * other verbs or of actors not in the directory make no learning record. A request is one
 * transaction: any failure stores nothing.
 */
@Service
public class XapiService {

    private final XapiStatements statements;
    private final Batches batches;
    private final PersonService people;
    private final SkillService skills;
    private final LearningRecordService learning;
    private final TelemetryProperties properties;
    private final Clock clock;

    XapiService(XapiStatements statements, Batches batches, PersonService people, SkillService skills,
            LearningRecordService learning, TelemetryProperties properties, Clock clock) {
        this.statements = statements;
        this.batches = batches;
        this.people = people;
        this.skills = skills;
        this.learning = learning;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the statements of one request and returns their ids, in order. */
    @Transactional
    public List<String> store(byte[] body, String actor) {
        List<XapiStatement> read = XapiStatementReader.read(body, properties.maxEventsPerRequest());
        Instant now = clock.instant();
        Map<String, XapiStatement> inRequest = new HashMap<>();
        for (XapiStatement statement : read) {
            XapiStatement earlier = inRequest.putIfAbsent(statement.id(), statement);
            if (earlier != null && !earlier.contentHash().equals(statement.contentHash())) {
                throw new StatementConflict(statement.id(), "twice in this request with different content");
            }
        }
        Map<String, String> stored = statements.hashes(inRequest.keySet());
        for (XapiStatement statement : inRequest.values()) {
            String hash = stored.get(statement.id());
            if (hash != null && !hash.equals(statement.contentHash())) {
                throw new StatementConflict(statement.id(), "already stored with different content");
            }
        }
        List<XapiStatement> fresh = new ArrayList<>();
        for (XapiStatement statement : read) {
            if (!stored.containsKey(statement.id()) && fresh.stream().noneMatch(s -> s.id().equals(statement.id()))) {
                fresh.add(statement);
            }
        }
        int learningRecords = (int) fresh.stream().filter(s -> s.status() != null).count();
        long batchId = batches.insert(TelemetrySource.XAPI, actor, fresh.size(), read.size() - fresh.size(), 0, 0,
                List.of(), now, false);
        List<Violation> problems = new ArrayList<>();
        for (XapiStatement statement : fresh) {
            Person person = person(statement);
            Long recordId = null;
            if (person != null && statement.status() != null) {
                recordId = learningRecord(statement, person, now, problems);
            }
            statements.insert(statement, person == null ? null : person.id(), recordId, batchId, now);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("XAPI_INVALID", problems.size() + " statement(s) cannot become learning "
                    + "records; nothing was stored.", problems);
        }
        batches.updateAccounting(batchId, fresh.size(), read.size() - fresh.size());
        return read.stream().map(XapiStatement::id).toList();
    }

    @Transactional(readOnly = true)
    public Optional<String> find(String statementId) {
        return statements.find(statementId);
    }

    private Person person(XapiStatement statement) {
        if (statement.email() != null) {
            return people.findByEmail(statement.email()).orElse(null);
        }
        if (statement.account() != null) {
            return people.findByExternalId(statement.account()).orElse(null);
        }
        return null;
    }

    private Long learningRecord(XapiStatement statement, Person person, Instant now, List<Violation> problems) {
        Long skillId = null;
        if (statement.skill() != null) {
            Optional<Skill> skill = skills.findByName(statement.skill());
            if (skill.isEmpty()) {
                problems.add(Violation.ofLine(statement.number(), "context.extensions", "no skill is named '"
                        + statement.skill() + "'"));
                return null;
            }
            skillId = skill.get().id();
        }
        LocalDate day = (statement.timestamp() != null ? statement.timestamp() : now).atOffset(ZoneOffset.UTC).toLocalDate();
        try {
            LearningRecord record = learning.record(new NewLearningRecord(person.id(), statement.course(), skillId,
                    statement.status(), statement.score(), day, statement.workflow(), "xapi")).value();
            return record.id();
        } catch (ProblemException e) {
            for (Violation violation : e.violations().isEmpty() ? List.of(Violation.ofField(null, e.getMessage()))
                    : e.violations()) {
                problems.add(Violation.ofLine(statement.number(), violation.field(), violation.reason()));
            }
            return null;
        }
    }

    /** The same statement id with different content (409), as the xAPI specification requires. */
    public static class StatementConflict extends ConflictException {
        StatementConflict(String id, String how) {
            super("STATEMENT_CONFLICT", "Statement " + id + " is " + how + "; statements are immutable. Nothing was stored.");
        }
    }
}
