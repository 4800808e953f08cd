package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import govgrade.facts.Batch;
import govgrade.grading.GradedRun;
import govgrade.published.PublishedFigures;
import govgrade.published.Reconciler;
import govgrade.rules.ReportWords;
import govgrade.runs.WhatIf;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records the server binds and writes, and the document's schemas of them, name the same
 * fields: a field added to one and not the other fails here. A record is its JSON (Jackson writes
 * and reads a record by its component names, and the batch binder by the same names).
 */
class RecordsMatchDocumentTest {

    static Stream<Arguments> bound() {
        return Stream.of(
                // What the server writes.
                Arguments.of(GradedRun.class, "GradedRun"),
                Arguments.of(GradedRun.PackRef.class, "PackRef"),
                Arguments.of(GradedRun.PeriodOut.class, "ResultPeriod"),
                Arguments.of(GradedRun.Result.class, "Result"),
                Arguments.of(GradedRun.SubjectRef.class, "Subject"),
                Arguments.of(GradedRun.ProblemOut.class, "Problem"),
                Arguments.of(GradedRun.Because.class, "Because"),
                Arguments.of(GradedRun.Figures.class, "Figures"),
                Arguments.of(GradedRun.EarlierRead.class, "EarlierRead"),
                Arguments.of(GradedRun.Summary.class, "Summary"),
                Arguments.of(ReportWords.class, "ReportWords"),
                Arguments.of(WhatIf.class, "WhatIf"),
                Arguments.of(WhatIf.Change.class, "Change"),
                Arguments.of(WhatIf.Outcome.class, "Outcome"),
                Arguments.of(WhatIf.Grades.class, "WhatIf/properties/grades"),
                Arguments.of(Reconciler.Report.class, "Reconciliation"),
                Arguments.of(Reconciler.Difference.class, "Difference"),
                Arguments.of(PackHandlers.DraftAnswer.class, "Draft"),
                Arguments.of(PackHandlers.Published.class, "Published"),
                Arguments.of(Health.Answer.class, "Health"),
                // What the server binds.
                Arguments.of(Batch.class, "FactBatch"),
                Arguments.of(Batch.Period.class, "Period"),
                Arguments.of(Batch.Unit.class, "Unit"),
                Arguments.of(Batch.Account.class, "Account"),
                Arguments.of(Batch.Post.class, "Post"),
                Arguments.of(Batch.DateSpan.class, "DateSpan"),
                Arguments.of(Batch.Message.class, "Message"),
                Arguments.of(Batch.Finding.class, "Finding"),
                Arguments.of(Batch.Column.class, "Column"),
                Arguments.of(Batch.Activity.class, "Activity"),
                Arguments.of(Batch.Earlier.class, "EarlierPeriod"),
                Arguments.of(Batch.EarlierResult.class, "EarlierResult"),
                Arguments.of(PublishedFigures.class, "PublishedFigures"),
                Arguments.of(PublishedFigures.SummaryRow.class, "PublishedFigures/properties/summaries/items"));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @MethodSource("bound")
    void aRecordAndItsSchemaNameTheSameFields(Class<?> record, String schema) throws Exception {
        assertEquals(fields(record), properties(schema), record.getName() + " and the schema " + schema);
    }

    @Test
    void aPublishedRowIsItsRecordAndTheSubjectsOwnFields() throws Exception {
        TreeSet<String> row = fields(PublishedFigures.Row.class);
        row.addAll(List.of("type", "platform", "region"));
        assertEquals(row, properties("PublishedFigures/properties/results/items"));
    }

    @Test
    void theErrorShapeIsTheErrorSchemas() throws Exception {
        JsonNode body = ServiceOnAPort.JSON.readTree(Responses.errorBody("invalid_request", "m", "p",
                Map.of("violations", List.of())));
        TreeSet<String> written = new TreeSet<>();
        body.fieldNames().forEachRemaining(written::add);
        TreeSet<String> described = properties("Error");
        assertTrue(described.containsAll(written), "the error answer writes " + written + ", the document has "
                + described);
        assertTrue(written.containsAll(requiredOf("Error")), "required " + requiredOf("Error"));
    }

    private static TreeSet<String> fields(Class<?> record) {
        assertTrue(record.isRecord(), record + " is not a record");
        TreeSet<String> names = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        return names;
    }

    private static TreeSet<String> properties(String schema) throws Exception {
        TreeSet<String> names = new TreeSet<>();
        schemaNode(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> requiredOf(String schema) throws Exception {
        List<String> names = new ArrayList<>();
        schemaNode(schema).path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode schemaNode(String path) throws Exception {
        JsonNode n;
        try (InputStream in = RecordsMatchDocumentTest.class.getResourceAsStream("/openapi.json")) {
            n = ServiceOnAPort.JSON.readTree(in).path("components").path("schemas");
        }
        for (String part : path.split("/")) {
            n = n.path(part);
        }
        if (n.has("$ref")) {
            n = schemaNode(n.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        assertTrue(n.isObject(), "no schema " + path);
        return n;
    }
}
