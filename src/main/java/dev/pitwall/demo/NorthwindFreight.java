package dev.pitwall.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Northwind Freight as the CSV files an HR system and an LMS would export: the same seed and date
 * always give the same files, byte for byte.
 */
final class NorthwindFreight {

    /** The fixed seed of every demo organization. */
    static final long SEED = 20_261_125L;

    /** The generated files and the emails the demo users are linked to. */
    record Files(String people, String assessments, String learning, List<DemoPerson> persons,
            String ceoEmail, String ownerEmail, String contributorEmail) {
    }

    private NorthwindFreight() {
    }

    static Files generate(LocalDate today) {
        Random random = new Random(SEED);
        NorthwindPeople generator = new NorthwindPeople(random);
        List<DemoPerson> people = generator.generate();
        NorthwindSkills skills = new NorthwindSkills(random, today);
        skills.generate(people);
        String owner = people.stream().filter(p -> p.title().equals("VP Customer Service")).findFirst().orElseThrow().email();
        String contributor = people.stream().filter(p -> p.title().equals("Learning & Development Specialist"))
                .findFirst().orElseThrow().email();
        return new Files(peopleCsv(people), assessmentsCsv(skills.assessments()), learningCsv(skills.learning()), people,
                generator.executive("Chief Executive Officer"), owner, contributor);
    }

    private static String peopleCsv(List<DemoPerson> people) {
        return write(new String[] {"email", "external_id", "name", "title", "team", "manager_email", "level", "tier"},
                printer -> {
                    for (DemoPerson p : people) {
                        printer.printRecord(p.email(), p.externalId(), p.name(), p.title(), p.team(), p.managerEmail(),
                                p.level(), p.tier());
                    }
                });
    }

    private static String assessmentsCsv(List<NorthwindSkills.Assessment> assessments) {
        return write(new String[] {"email", "skill", "level", "assessed_on", "source"}, printer -> {
            for (var a : assessments) {
                printer.printRecord(a.email(), a.skill(), a.level(), a.date(), a.source());
            }
        });
    }

    private static String learningCsv(List<NorthwindSkills.Learning> learning) {
        return write(new String[] {"email", "course", "skill", "status", "score", "completed_on", "workflow"}, printer -> {
            for (var l : learning) {
                printer.printRecord(l.email(), l.course(), l.skill(), l.status(), l.score(), l.date(), l.workflow());
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
