package io.leasebridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.leasebridge.LeaseBridgeApplication;
import io.leasebridge.connectors.quickbooks.QuickBooksHttp;
import io.leasebridge.ledger.LeaseLedger;
import io.leasebridge.model.LeaseAccount;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The shipped Maven modules as ArchUnit sees them. Some package names live in two modules ({@code agency}, {@code gps},
 * {@code risk}, {@code salesforce} are in both mappings and routes), so a module is told by where its classes were
 * loaded from, the jar or class folder of one class it is sure to keep, not by a package name.
 */
final class Modules {

    static final DescribedPredicate<JavaClass> MAPPINGS = module("mappings", LeaseAccount.class);
    static final DescribedPredicate<JavaClass> LEDGER = module("ledger", LeaseLedger.class);
    static final DescribedPredicate<JavaClass> CONNECTORS = module("connectors", QuickBooksHttp.class);
    static final DescribedPredicate<JavaClass> ROUTES = module("routes", LeaseBridgeApplication.class);

    /** Every class the application ships: mappings, ledger, connectors and routes (the sandbox only simulates the systems around it). */
    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leasebridge", "db.migration")
            .that(MAPPINGS.or(LEDGER).or(CONNECTORS).or(ROUTES));

    private Modules() {
    }

    private static DescribedPredicate<JavaClass> module(String name, Class<?> member) {
        Path root = classPathEntry(member);
        return DescribedPredicate.describe("in module " + name, javaClass -> javaClass.getSource()
                .map(source -> classPathEntry(source.getUri()).startsWith(root))
                .orElse(false));
    }

    private static Path classPathEntry(Class<?> member) {
        try {
            return classPathEntry(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the module of " + member.getName(), e);
        }
    }

    /** The jar or folder a class came from: {@code jar:file:/m.jar!/a/B.class} is {@code /m.jar}. */
    private static Path classPathEntry(URI location) {
        String text = location.toString();
        if (text.startsWith("jar:")) {
            return Path.of(URI.create(text.substring("jar:".length(), text.indexOf("!/"))));
        }
        return Path.of(location);
    }
}
