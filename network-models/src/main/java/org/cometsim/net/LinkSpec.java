package org.cometsim.net;

/** What a link preset describes; {@link LinkModels#create} turns it into a {@link LinkModel}. */
public sealed interface LinkSpec permits ShapedLinkConfig, MahimahiLinkSpec {

    String name();
}
