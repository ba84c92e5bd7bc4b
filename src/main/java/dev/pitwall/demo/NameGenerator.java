package dev.pitwall.demo;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Unique fictional names and their emails at northwind.example, from a seeded random source. */
final class NameGenerator {

    private static final List<String> FIRST = List.of("Aaliyah", "Adam", "Adriana", "Ahmed", "Aiko", "Alejandro",
            "Alice", "Amara", "Amir", "Ana", "Andrea", "Anil", "Anna", "Antoine", "Arjun", "Astrid", "Ben", "Bianca",
            "Bruno", "Camila", "Carlos", "Caroline", "Chen", "Chloe", "Chris", "Clara", "Daniel", "David", "Diego",
            "Dmitri", "Elena", "Elif", "Emeka", "Emily", "Emma", "Eric", "Fatima", "Felix", "Fiona", "Francesca",
            "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Helena", "Hiro", "Ines", "Isaac", "Isabel", "Ivan",
            "Jakob", "James", "Jana", "Javier", "Jin", "Joao", "Jonas", "Julia", "Kai", "Karin", "Kenji", "Kofi",
            "Lara", "Laura", "Leila", "Leon", "Liam", "Lina", "Lucas", "Lucia", "Maja", "Malik", "Marco", "Maria",
            "Mateo", "Maya", "Mei", "Mia", "Michael", "Mohamed", "Nadia", "Naomi", "Nikolai", "Noah", "Nora",
            "Olivia", "Omar", "Pablo", "Paula", "Pedro", "Priya", "Rafael", "Rahul", "Rosa", "Ruth", "Sakura",
            "Samir", "Sara", "Sebastian", "Sofia", "Sven", "Tariq", "Thomas", "Tomas", "Valentina", "Victor",
            "Wei", "William", "Yara", "Yusuf", "Zainab", "Zoe");
    private static final List<String> LAST = List.of("Abbott", "Adeyemi", "Alvarez", "Andersen", "Bakker",
            "Banerjee", "Becker", "Bianchi", "Brennan", "Carvalho", "Chandra", "Chen", "Costa", "Dahl", "Dubois",
            "Eriksson", "Fernandes", "Fischer", "Fontaine", "Garcia", "Gomez", "Greco", "Hansen", "Hartmann", "Hayes",
            "Hoffmann", "Ibrahim", "Ito", "Jansen", "Jensen", "Kaur", "Keller", "Khan", "Kim", "Kowalski", "Kruger",
            "Larsen", "Laurent", "Lee", "Lindqvist", "Lopez", "Maier", "Martin", "Mendes", "Meyer", "Moreau",
            "Mueller", "Murphy", "Nakamura", "Navarro", "Nguyen", "Nielsen", "Novak", "Nowak", "Okafor", "Oliveira",
            "Olsen", "Ortiz", "Osei", "Park", "Patel", "Pereira", "Petrov", "Popescu", "Quinn", "Ramos", "Reddy",
            "Reyes", "Ricci", "Rossi", "Russo", "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Sokolov",
            "Suzuki", "Svensson", "Tanaka", "Taylor", "Thompson", "Torres", "Varga", "Vasquez", "Vogel", "Wagner",
            "Walsh", "Wang", "Weber", "Wilson", "Wolf", "Yamamoto", "Yilmaz", "Zhang", "Zimmermann");

    private final Random random;
    private final Set<String> used = new HashSet<>();

    NameGenerator(Random random) {
        this.random = random;
    }

    /** A full name not handed out before. */
    String next() {
        while (true) {
            String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
            if (used.add(name)) {
                return name;
            }
        }
    }

    static String emailOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace(' ', '.') + "@northwind.example";
    }
}
