package dev.pitwall.insight.internal;

import dev.pitwall.insight.ExpectationService;
import dev.pitwall.insight.InsightProperties;
import dev.pitwall.insight.Verdict;
import dev.pitwall.portfolio.GateCheck;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gate check 8: the pre-registered expectation is met, judged by the interrupted time series on the
 * gate's day; each verdict is kept on record. Waivable. Without an expectation it passes, unless
 * {@code pitwall.insight.expectation-required}.
 */
@Component
class ExpectationCheck implements GateCheck {

    // The service reads workflows through the portfolio, whose gate holds this check: looked up on use.
    private final ObjectProvider<ExpectationService> expectations;
    private final InsightProperties properties;

    ExpectationCheck(ObjectProvider<ExpectationService> expectations, InsightProperties properties) {
        this.expectations = expectations;
        this.properties = properties;
    }

    @Override
    public String id() {
        return "expectation";
    }

    @Override
    public String title() {
        return "Pre-registered expectation";
    }

    @Override
    public int order() {
        return 8;
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("See the expectation and its verdict", "/insight/expectations?workflow=" + workflowKey);
    }

    @Override
    public Result check(Subject subject) {
        String key = subject.details().workflow().key();
        ExpectationService service = expectations.getObject();
        Optional<Verdict> verdict = service.verdict(key, subject.asOf());
        if (verdict.isEmpty()) {
            return properties.expectationRequired()
                    ? new Failed(List.of("no expectation was recorded before the AI go-live (the expected effect on an "
                            + "outcome KPI and its horizon)"))
                    : new Passed("No expectation was pre-registered, so there is none to judge.");
        }
        service.keep(verdict.get());
        return verdict.get().outcome() == Verdict.Outcome.MET ? new Passed(verdict.get().reason() + ".")
                : new Failed(List.of(verdict.get().reason()));
    }
}
