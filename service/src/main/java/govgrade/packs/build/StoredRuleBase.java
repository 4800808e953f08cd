package govgrade.packs.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A rule base as bytes and back: Drools' own serialisation of its packages (the rules, the
 * generated consequence classes as bytecode), added to a new rule base on reading. Reading skips
 * the DRL parser and the Java compiler, which are most of a pack's compile. Drools 10 no longer
 * serialises a whole rule base, only its packages; the network is built again from them. The
 * workbook's values the criteria need ({@link SheetValues}) follow the packages.
 */
final class StoredRuleBase {
    /**
     * Only what a rule base is made of may be read back: the bytes are written by this service
     * into its own folder, but deserialising is running code, so anything else ends the read.
     */
    private static final ObjectInputFilter ONLY_RULES = ObjectInputFilter.Config.createFilter(
            "java.**;org.drools.**;org.kie.**;org.mvel2.**;govgrade.**;!*");

    private StoredRuleBase() {
    }

    /** A rule base read back, with the workbook's values stored beside it. */
    record Read(KieBase base, SheetValues sheets) {
    }

    static byte[] write(KieBase base, SheetValues sheets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(base.getKiePackages()));
            out.writeObject(sheets);
        }
        return bytes.toByteArray();
    }

    /** A new rule base of the packages in {@code bytes}; an IOException for anything not written by {@link #write}. */
    static Read read(byte[] bytes) throws IOException {
        SheetValues sheets;
        List<InternalKnowledgePackage> packages = new ArrayList<>();
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_RULES);
            Object read = in.readObject();
            if (!(read instanceof Collection<?> all)) {
                throw new InvalidClassException("not a list of rule packages: " + read.getClass().getName());
            }
            for (Object p : all) {
                if (!(p instanceof InternalKnowledgePackage pkg)) {
                    throw new InvalidClassException("not a rule package: " + p.getClass().getName());
                }
                packages.add(pkg);
            }
            if (!(in.readObject() instanceof SheetValues values)) {
                throw new InvalidClassException("no workbook values after the rule packages");
            }
            sheets = values;
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("not a stored rule base: " + e.getMessage(), e);
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(new ArrayList<KiePackage>(packages));
        return new Read(base, sheets);
    }
}
