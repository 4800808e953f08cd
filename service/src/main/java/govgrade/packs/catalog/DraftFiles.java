package govgrade.packs.catalog;

import govgrade.packs.PackSource;
import govgrade.packs.RuleLibrary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which file of a pack each uploaded file replaces, whatever the upload is called: staff send
 * {@code meixian (1).xlsx} or {@code 眉县-修改.xlsx} from their downloads folder. A pack has one
 * workbook, so an uploaded .xlsx replaces it and keeps its path. A .drl replaces the rule file of
 * the same name, or, where the pack has exactly one, that one; with several and no name matching,
 * which one is meant cannot be told, so it is refused rather than added beside them.
 */
final class DraftFiles {
    private DraftFiles() {
    }

    /** Upload name to the path it replaces (or, for a pack without such a file, the path it takes). */
    static Map<String, String> place(String pack, Set<String> existing, Collection<String> uploads)
            throws UploadRefused {
        List<String> workbooks = existing.stream().filter(PackSource::isWorkbook).toList();
        // Library files come with the include lines, never by upload: an upload replaces the pack's own rule file.
        List<String> drls = existing.stream().filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".drl"))
                .filter(p -> !RuleLibrary.isLibraryFile(p)).toList();
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> byTarget = new HashMap<>();
        for (String name : uploads) {
            String target = target(pack, name, workbooks, drls);
            String other = byTarget.putIfAbsent(target, name);
            if (other != null) {
                throw new UploadRefused(name, "\"" + other + "\" and \"" + name + "\" would both replace " + target
                        + (PackSource.isWorkbook(target) ? "; a pack has one workbook: send one .xlsx" : "; send one of them"));
            }
            out.put(name, target);
        }
        return out;
    }

    private static String target(String pack, String name, List<String> workbooks, List<String> drls)
            throws UploadRefused {
        checkName(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls")) {
            throw new UploadRefused(name, "\"" + name + "\" is an old-format Excel file (.xls); save the workbook as "
                    + ".xlsx and send that: a pack has one workbook, and an .xls beside it would be a second");
        }
        if (lower.endsWith(".xlsx")) {
            return workbooks.isEmpty() ? PackSource.TABLE_DIR + "/" + pack + "/" + name : workbooks.get(0);
        }
        if (lower.endsWith(".drl")) {
            for (String d : drls) {
                if (d.substring(d.lastIndexOf('/') + 1).equals(name)) {
                    return d;
                }
            }
            if (drls.size() == 1) {
                return drls.get(0);
            }
            if (drls.isEmpty()) {
                return PackSource.DRL_DIR + "/" + pack + "/" + name;
            }
            List<String> names = new ArrayList<>();
            drls.forEach(d -> names.add(d.substring(d.lastIndexOf('/') + 1)));
            throw new UploadRefused(name, "pack " + pack + " has " + drls.size() + " rule files " + names
                    + " and none is called \"" + name + "\"; name the upload after the file it replaces");
        }
        throw new UploadRefused(name, "\"" + name + "\" is not a pack file; send the pack's .xlsx workbook or a .drl file");
    }

    private static void checkName(String name) throws UploadRefused {
        if (name == null || name.isBlank()) {
            throw new UploadRefused(name, "a file part has no file name; send the workbook or rule file as a file");
        }
        if (name.contains("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
            throw new UploadRefused(name, "the file name \"" + name + "\" holds a path; send the file under its own "
                    + "name only, e.g. meixian.xlsx");
        }
        if (name.startsWith("~$")) {
            throw new UploadRefused(name, "\"" + name + "\" is the lock file Excel keeps while a workbook is open, not "
                    + "the workbook; send the .xlsx itself");
        }
        if (name.startsWith(".")) {
            throw new UploadRefused(name, "\"" + name + "\" has no name before its extension (or is a hidden file); "
                    + "send a file such as meixian.drl");
        }
        if (name.length() > 255) {
            throw new UploadRefused(name.substring(0, 40) + "...", "a file name of " + name.length()
                    + " characters is too long (at most 255)");
        }
    }
}
