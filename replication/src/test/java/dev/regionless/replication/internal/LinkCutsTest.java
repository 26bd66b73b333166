package dev.regionless.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCutsTest {
    @Test
    void aLinkCutWithOnePeerLeavesTheOthersUp() {
        var cuts = new LinkCuts();

        cuts.cut("us-east-1");

        assertThat(cuts.isCut("us-east-1")).isTrue();
        assertThat(cuts.isCut("us-west-2")).isFalse();
    }

    @Test
    void cuttingEveryPeerCutsPeersNotNamedBefore() {
        var cuts = new LinkCuts();

        cuts.cut(LinkCuts.EVERY_PEER);

        assertThat(cuts.isCut("ap-south-1")).isTrue();
        assertThat(cuts.cutPeers()).containsExactly("*");
    }

    @Test
    void restoringEveryPeerAlsoRestoresLinksCutOneByOne() {
        var cuts = new LinkCuts();
        cuts.cut("us-east-1");
        cuts.cut(LinkCuts.EVERY_PEER);

        cuts.restore(LinkCuts.EVERY_PEER);

        assertThat(cuts.isCut("us-east-1")).isFalse();
        assertThat(cuts.cutPeers()).isEmpty();
    }

    @Test
    void restoringOnePeerKeepsTheOthersCut() {
        var cuts = new LinkCuts();
        cuts.cut("us-east-1");
        cuts.cut("us-west-2");

        cuts.restore("us-east-1");

        assertThat(cuts.cutPeers()).containsExactly("us-west-2");
    }

    @Test
    void anIsolatedRegionIsCutFromEveryPeerWithoutListingThem() {
        var cuts = new LinkCuts();

        cuts.isolate();

        assertThat(cuts.isCut("us-east-1")).isTrue();
        assertThat(cuts.isIsolated()).isTrue();
        assertThat(cuts.cutPeers()).isEmpty();
    }

    @Test
    void rejoiningKeepsTheLinksCutOneByOne() {
        var cuts = new LinkCuts();
        cuts.cut("us-east-1");
        cuts.isolate();

        cuts.rejoin();

        assertThat(cuts.isCut("us-east-1")).isTrue();
        assertThat(cuts.isCut("us-west-2")).isFalse();
    }

    @Test
    void restoringEveryPeerLeavesAnIsolatedRegionIsolated() {
        var cuts = new LinkCuts();
        cuts.isolate();

        cuts.restore(LinkCuts.EVERY_PEER);

        assertThat(cuts.isCut("us-west-2")).isTrue();
    }
}
