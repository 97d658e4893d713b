package org.jifen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The habits of DESIGN.md and STYLE.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jifen");

    @Test
    void domain_packages_are_plain_java() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                // a package-info may declare the package a named interface of its module: metadata, not a dependency
                .and()
                .haveSimpleNameNotEndingWith("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta.servlet..",
                        "jakarta.persistence..")
                .because("domain code holds the rules and nothing else (DESIGN: principles)")
                .check(CLASSES);
    }

    @Test
    void nothing_reads_the_system_clock_outside_configuration() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Configuration")
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(YearMonth.class, "now")
                .orShould()
                .callMethod(Year.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("time is injected: take the Clock bean (DESIGN principle 3)")
                .check(CLASSES);
    }

    @Test
    void nothing_creates_a_random_source_outside_configuration() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Configuration")
                .should()
                .callConstructor(Random.class)
                .orShould()
                .callConstructor(Random.class, long.class)
                .orShould()
                .callConstructor(SecureRandom.class)
                .because(
                        "chance is injected, so that draws can be reproduced from a published seed (DESIGN principle 3)")
                .check(CLASSES);
    }

    @Test
    void no_vague_class_names() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameStartingWith("Default")
                .orShould()
                .haveSimpleNameEndingWith("DTO")
                .orShould()
                .haveSimpleNameEndingWith("Dto")
                .orShould()
                .haveSimpleNameEndingWith("VO")
                .because("STYLE.md: name things after the business")
                .check(CLASSES);
    }
}
