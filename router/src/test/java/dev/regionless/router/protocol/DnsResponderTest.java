package dev.regionless.router.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.router.AppDomain;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsResponderTest {
    static final AppDomain DOMAIN = AppDomain.of("quack.regionless.test");

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    final DnsResponder responder = new DnsResponder(
            DOMAIN,
            Duration.ofSeconds(1),
            address("127.0.0.1"),
            service -> Optional.of(service == DnsResponder.Service.API ? address("127.0.0.2") : address("127.0.0.3")));

    static byte[] query(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN))
                .toWire();
    }

    Message ask(byte[] query) throws Exception {
        return new Message(responder.respond(query, true).orElseThrow());
    }

    @Test
    void theApiNameAnswersTheChosenRegionsAddressWithTheConfiguredTtl() throws Exception {
        var response = ask(query("api.quack.regionless.test.", Type.A));

        var answers = response.getSection(Section.ANSWER);
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(answers).hasSize(1);
        assertThat(((ARecord) answers.getFirst()).getAddress()).isEqualTo(address("127.0.0.2"));
        assertThat(answers.getFirst().getTTL()).isEqualTo(1);
    }

    @Test
    void theWebSocketNameAnswersItsOwnAddressWhateverTheCase() throws Exception {
        var response = ask(query("WS.Quack.Regionless.Test.", Type.A));

        assertThat(((ARecord) response.getSection(Section.ANSWER).getFirst()).getAddress())
                .isEqualTo(address("127.0.0.3"));
    }

    @Test
    void theAnswerKeepsTheQueryIdAndQuestion() throws Exception {
        var query =
                Message.newQuery(Record.newRecord(Name.fromString("api.quack.regionless.test."), Type.A, DClass.IN));

        var response = ask(query.toWire());

        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.getQuestion()).isEqualTo(query.getQuestion());
        assertThat(response.getHeader().getFlag(Flags.RD)).isTrue();
    }

    @Test
    void anUnknownNameInTheZoneIsNxdomainWithTheZonesSoa() throws Exception {
        var response = ask(query("nope.quack.regionless.test.", Type.A));

        assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(response.getSection(Section.AUTHORITY).getFirst()).isInstanceOf(SOARecord.class);
    }

    @Test
    void aNameOutsideTheZoneIsRefused() throws Exception {
        var response = ask(query("example.com.", Type.A));

        assertThat(response.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(response.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void anotherTypeForAKnownNameIsAnEmptyAnswer() throws Exception {
        var response = ask(query("api.quack.regionless.test.", Type.AAAA));

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
        assertThat(response.getSection(Section.AUTHORITY).getFirst()).isInstanceOf(SOARecord.class);
    }

    @Test
    void theApexAnswersItsSoaAndNs() throws Exception {
        var soa = ask(query("quack.regionless.test.", Type.SOA));
        var ns = ask(query("quack.regionless.test.", Type.NS));
        var server = ask(query("ns.quack.regionless.test.", Type.A));

        assertThat(soa.getSection(Section.ANSWER).getFirst()).isInstanceOf(SOARecord.class);
        assertThat(((NSRecord) ns.getSection(Section.ANSWER).getFirst()).getTarget())
                .isEqualTo(Name.fromString("ns.quack.regionless.test."));
        assertThat(((ARecord) server.getSection(Section.ANSWER).getFirst()).getAddress())
                .isEqualTo(address("127.0.0.1"));
    }

    @Test
    void aQueryWithEdnsGetsEdnsBack() throws Exception {
        var query =
                Message.newQuery(Record.newRecord(Name.fromString("api.quack.regionless.test."), Type.A, DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);

        var response = ask(query.toWire());

        assertThat(response.getOPT()).isNotNull();
    }

    @Test
    void anUnreadablePacketIsFormerrWithItsId() throws Exception {
        var garbage = new byte[] {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 'a'};

        var response = ask(garbage);

        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(response.getHeader().getID()).isEqualTo(0x1234);
    }

    @Test
    void aQueryWithoutAQuestionIsFormerr() throws Exception {
        var empty = new Message(77);

        var response = ask(empty.toWire());

        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void anotherOpcodeIsNotImplemented() throws Exception {
        var update = Message.newQuery(Record.newRecord(Name.fromString("quack.regionless.test."), Type.SOA, DClass.IN));
        update.getHeader().setOpcode(Opcode.UPDATE);

        var response = ask(update.toWire());

        assertThat(response.getRcode()).isEqualTo(Rcode.NOTIMP);
    }

    @Test
    void tooShortPacketsAndResponsesGetNoAnswer() throws Exception {
        var response = ask(query("api.quack.regionless.test.", Type.A));
        response.getHeader().setFlag(Flags.QR);

        assertThat(responder.respond(new byte[] {1, 2, 3}, true)).isEmpty();
        assertThat(responder.respond(response.toWire(), true)).isEmpty();
    }

    @Test
    void randomBytesNeverMakeItThrow() {
        var random = new java.util.Random(11);
        int answered = 0;
        for (int i = 0; i < 5000; i++) {
            var packet = new byte[12 + random.nextInt(100)];
            random.nextBytes(packet);
            packet[2] &= 0x7f; // a query, so it is read

            var answer = responder.respond(packet, true);

            if (answer.isPresent()) {
                answered++;
                assertThat(answer.get().length).isBetween(12, 512);
            }
        }
        assertThat(answered).as("every packet with a header is answered").isEqualTo(5000);
    }
}
