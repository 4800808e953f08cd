package govgrade.derive;

/**
 * Which figures rules read of one subject. A subject is graded in one session on one thread, so
 * a plain bit mask will do; reading a figure for a result ({@link Subject#figure}) does not count.
 */
final class FigureReads {
    private int read;

    /** Notes {@code f} read and passes {@code value} through, so a getter stays one line. */
    <T> T read(Figure f, T value) {
        read |= 1 << f.ordinal();
        return value;
    }

    int read(Figure f, int value) {
        read |= 1 << f.ordinal();
        return value;
    }

    double read(Figure f, double value) {
        read |= 1 << f.ordinal();
        return value;
    }

    boolean has(Figure f) {
        return (read & (1 << f.ordinal())) != 0;
    }
}
