package org.teiedition.editions;

/**
 * What an edition's stylesheet is applied to: a view made by {@code xslt/common/model.xsl} once per document (and
 * witness) and shared by every edition that renders it, so that the editions' stylesheets are compiled without the
 * model and the model is built once, not once per edition.
 */
public enum View {
    /** The edited text: corrections, regularisations, expansions and the adopted readings. */
    READING("reading"),
    /** One witness as transmitted: the stylesheet parameter {@code witness}, by default the copy-text. */
    DIPLOMATIC("diplomatic"),
    /**
     * The reading view, and every declared witness's diplomatic view as the stylesheet parameter
     * {@code witness-views} (a map from witness id to view): editions that set the witnesses side by side.
     */
    WITNESSES("reading");

    /** The value of model.xsl's {@code view} parameter. */
    final String parameter;

    View(String parameter) {
        this.parameter = parameter;
    }
}
