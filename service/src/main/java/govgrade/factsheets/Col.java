package govgrade.factsheets;

/**
 * One column of a facts sheet: its Chinese header, the field of the batch's JSON it fills (a
 * dotted name inside the entry; {@code figures.x} for a declared figure), what it holds, whether
 * a row must fill it, and a word of help for the 说明 sheet.
 */
record Col(String header, String field, Kind kind, boolean required, String help) {
    static Col of(String header, String field, Kind kind, String help) {
        return new Col(header, field, kind, false, help);
    }

    static Col required(String header, String field, Kind kind, String help) {
        return new Col(header, field, kind, true, help);
    }
}
