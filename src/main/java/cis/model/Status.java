package cis.model;

import java.util.Arrays;
import java.util.Optional;

/** A state's (or organisation's) relation to the CIS on a given day. Ids are the public vocabulary. */
public enum Status {
    MEMBER("member", "member state",
            "a full member: bound by the CIS Charter and entitled to take part in all CIS bodies"),
    ASSOCIATE_MEMBER("associate-member", "associate member",
            "takes part in some CIS activities on the terms of an association agreement (Charter art. 8); not a member state"),
    FOUNDING_STATE("founding-state", "founding state",
            "party to the 1991 Creation Agreement that never took on the Charter; not a member state"),
    FORMER_MEMBER("former-member", "former member", "was a member state and has withdrawn"),
    NON_MEMBER("non-member", "non-member", "not a party to the CIS founding documents"),
    OBSERVER("observer", "observer", "attends CIS bodies as an observer, without membership");

    private final String id;
    private final String label;
    private final String meaning;

    Status(String id, String label, String meaning) {
        this.id = id;
        this.label = label;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    /** How a person reads it: "associate member". */
    public String label() {
        return label;
    }

    /** One sentence on what the status means. */
    public String meaning() {
        return meaning;
    }

    public static Optional<Status> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
