package cis.model;

/**
 * A state's (or organisation's) relation to the CIS on a given day. Ids are the public vocabulary;
 * the words people read for each are in the CLI's {@code Wording}.
 */
public enum Status {
    MEMBER("member"),
    ASSOCIATE_MEMBER("associate-member"),
    FOUNDING_STATE("founding-state"),
    FORMER_MEMBER("former-member"),
    NON_MEMBER("non-member"),
    OBSERVER("observer");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
