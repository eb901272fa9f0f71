package org.cometsim.net;

import java.util.Map;

/**
 * A link preset as loaded from {@code presets/links/<name>.yaml}.
 *
 * @param name file name without extension
 * @param description one line
 * @param spec the parsed parameters
 * @param sources per-constant citation (model-sources.md section and key, or an explicit
 *     "ASSUMPTION"), in file order
 * @param yaml the file's text, comments included (they hold the derivations)
 */
public record LinkPreset(String name, String description, LinkSpec spec, Map<String, String> sources, String yaml) {}
