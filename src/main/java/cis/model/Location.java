package cis.model;

/** A place in a knowledge-base file, 1-based, as editors count. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
