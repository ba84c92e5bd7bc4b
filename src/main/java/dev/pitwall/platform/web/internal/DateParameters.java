package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.Dates;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in query parameters and form fields ({@code asOf}, {@code from}, {@code to}...) are ISO
 * dates between 1900 and 2999, as in bodies; anything else is a 400 that names the parameter.
 */
@Configuration(proxyBeanMethods = false)
class DateParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new IsoDate());
    }

    static final class IsoDate implements Formatter<LocalDate> {

        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            LocalDate date;
            try {
                date = LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a date (YYYY-MM-DD)", e);
            }
            Dates.problem(date).ifPresent(reason -> {
                throw new IllegalArgumentException(reason);
            });
            return date;
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }
}
