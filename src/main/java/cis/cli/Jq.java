package cis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq EXPR}: a jq program applied to the JSON answer, as {@code gh} has it. A string result
 * is printed as it is, anything else as one line of JSON. Loaded only when the option is given:
 * jackson-jq and databind are never on the path of any other run.
 */
final class Jq {
    private final JsonQuery query;
    private final Scope scope;

    private Jq(JsonQuery query, Scope scope) {
        this.query = query;
        this.scope = scope;
    }

    /** The compiled program; a usage error when it is not jq. */
    static Jq compile(String expression) {
        try {
            Scope root = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
            return new Jq(JsonQuery.compile(expression, Versions.JQ_1_6), Scope.newChildScope(root));
        } catch (JsonQueryException e) {
            throw CliException.usage(
                    "--jq: " + e.getMessage(), "Write a jq program, e.g. --jq '.[].name' (see https://jqlang.org).");
        }
    }

    /** Applies the program to {@code json} and prints each result. */
    void apply(String json, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        try {
            query.apply(scope, mapper.readTree(json), results::add);
            for (JsonNode r : results) {
                out.print((r.isTextual() ? r.asText() : mapper.writeValueAsString(r)) + "\n");
            }
            out.flush();
        } catch (JsonQueryException e) {
            throw CliException.usage("--jq: " + e.getMessage(), "Check the program against the JSON: drop --jq.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
