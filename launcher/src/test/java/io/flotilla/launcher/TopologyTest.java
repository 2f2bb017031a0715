package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  private static final String LOOPBACK = "--server.address=127.0.0.1";
  private static final String BEHIND = "--flotilla.trusted-proxies=127.0.0.1,::1";

  @Test
  void defaultPortsAreTheDocumentedOnes() {
    var services = Topology.from(Map.of());

    assertThat(services)
        .extracting(Service::name, Service::port)
        .containsExactly(
            tuple("math", 8081),
            tuple("hardware", 8086),
            tuple("portal", 8087),
            tuple("lunch", 8089),
            tuple("menu", 8082),
            tuple("users", 8083),
            tuple("tweets", 8084),
            tuple("search", 8085),
            tuple("gateway", 8080));
  }

  @Test
  void portalIsToldWhereHardwareListens() {
    var services = Topology.from(Map.of("HARDWARE_PORT", "9186"));

    assertThat(services)
        .filteredOn(service -> service.name().equals("portal"))
        .singleElement()
        .satisfies(portal ->
            assertThat(portal.args())
                .containsExactly(
                    "--flotilla.portal.hardware-urls=http://localhost:9186", BEHIND, LOOPBACK));
  }

  @Test
  void menuIsToldWhereTheSampleUpstreamListens() {
    var services = Topology.from(Map.of("LUNCH_PORT", "9189"));

    assertThat(services)
        .filteredOn(service -> service.name().equals("menu"))
        .singleElement()
        .satisfies(menu ->
            assertThat(menu.args())
                .containsExactly(
                    "--flotilla.menu.upstream-url=http://localhost:9189", BEHIND, LOOPBACK));
  }

  @Test
  void gatewayIsToldWhereMathMenuAndPortalListen() {
    var services =
        Topology.from(
            Map.of(
                "MATH_PORT", "9181",
                "MENU_PORT", "9182",
                "PORTAL_PORT", "9187",
                "GATEWAY_PORT", "9180"));

    assertThat(services.getLast().port()).isEqualTo(9180);
    assertThat(services.getLast().args())
        .containsExactly(
            "--flotilla.services.math=http://localhost:9181",
            "--flotilla.services.menu=http://localhost:9182",
            "--flotilla.services.portal=http://localhost:9187",
            "--flotilla.services.users=http://localhost:8083",
            "--flotilla.services.tweets=http://localhost:8084",
            "--flotilla.services.search=http://localhost:8085");
  }

  @Test
  void everyServiceBehindTheGatewayBelievesItAboutTheClient() {
    assertThat(Topology.from(Map.of()))
        .filteredOn(service -> !service.name().equals("gateway"))
        .allSatisfy(service -> assertThat(service.args()).contains(BEHIND))
        .filteredOn(service -> service.name().equals("users"))
        .singleElement()
        .satisfies(users -> assertThat(users.args()).containsExactly(BEHIND, LOOPBACK));
  }

  @Test
  void tweetsIsToldWhereUsersListensAndSearchWhereTweetsListens() {
    var services = Topology.from(Map.of("USERS_PORT", "9183", "TWEETS_PORT", "9184"));

    assertThat(services)
        .filteredOn(service -> service.name().equals("tweets"))
        .singleElement()
        .satisfies(tweets ->
            assertThat(tweets.args())
                .containsExactly("--USERS_URL=http://localhost:9183", BEHIND, LOOPBACK));
    assertThat(services)
        .filteredOn(service -> service.name().equals("search"))
        .singleElement()
        .satisfies(search ->
            assertThat(search.args())
                .containsExactly(
                    "--flotilla.search.tweets-url=http://localhost:9184", BEHIND, LOOPBACK));
  }

  @Test
  void replicasOfMenuAndHardwareAreTenPortsAboveUnlessTold() {
    var services = Topology.withReplicas(Map.of("MENU_2_PORT", "9192"), 2);

    assertThat(services)
        .extracting(Service::instance, Service::port)
        .containsExactly(
            tuple("math", 8081),
            tuple("hardware-1", 8086),
            tuple("hardware-2", 8096),
            tuple("portal", 8087),
            tuple("lunch", 8089),
            tuple("menu-1", 8082),
            tuple("menu-2", 9192),
            tuple("users", 8083),
            tuple("tweets", 8084),
            tuple("search", 8085),
            tuple("gateway", 8080));
  }

  @Test
  void portalAndGatewayAreToldAboutEveryReplica() {
    var services = Topology.withReplicas(Map.of(), 2);

    assertThat(services)
        .filteredOn(service -> service.name().equals("portal"))
        .singleElement()
        .satisfies(portal ->
            assertThat(portal.args())
                .containsExactly(
                    "--flotilla.portal.hardware-urls=http://localhost:8086,http://localhost:8096",
                    BEHIND,
                    LOOPBACK));
    assertThat(services.getLast().args())
        .containsExactly(
            "--flotilla.services.math=http://localhost:8081",
            "--spring.cloud.discovery.client.simple.instances.menu[0].uri=http://localhost:8082",
            "--spring.cloud.discovery.client.simple.instances.menu[1].uri=http://localhost:8092",
            "--flotilla.services.portal=http://localhost:8087",
            "--flotilla.services.users=http://localhost:8083",
            "--flotilla.services.tweets=http://localhost:8084",
            "--flotilla.services.search=http://localhost:8085");
  }

  @Test
  void portThatIsNotANumberIsRejectedWithWhatIsAllowed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topology.from(Map.of("MATH_PORT", "eighty")))
        .withMessage("MATH_PORT must be a port number from 1 to 65535, got \"eighty\"");
  }

  @Test
  void portOutOfRangeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topology.from(Map.of("GATEWAY_PORT", "70000")))
        .withMessageContaining("GATEWAY_PORT must be a port number from 1 to 65535");
  }

  @Test
  void onlyTheGatewayListensBeyondLoopback() {
    var services = Topology.from(Map.of());

    assertThat(services)
        .allSatisfy(service -> {
          if (service.name().equals("gateway")) {
            assertThat(service.commandLine()).noneMatch(arg -> arg.startsWith("--server.address"));
          } else {
            assertThat(service.commandLine()).as(service.name()).contains(LOOPBACK);
          }
        });
  }

  @Test
  void theServicesAddressCanBeChangedOrOpened() {
    assertThat(Topology.from(Map.of("FLOTILLA_SERVICES_ADDRESS", "10.0.0.5")).getFirst().args())
        .contains("--server.address=10.0.0.5");
    assertThat(Topology.from(Map.of("FLOTILLA_SERVICES_ADDRESS", "")).getFirst().args())
        .noneMatch(arg -> arg.startsWith("--server.address"));
  }

  @Test
  void eachManagementPortIsAThousandAboveUnlessGiven() {
    var services = Topology.withReplicas(Map.of("MENU_2_MANAGEMENT_PORT", "7092"), 2);

    assertThat(services)
        .extracting(Service::instance, Service::managementPort)
        .contains(
            tuple("math", 9081),
            tuple("menu-1", 9082),
            tuple("menu-2", 7092),
            tuple("gateway", 9080));
    assertThat(services.getFirst().commandLine()).contains("--management.server.port=9081");
  }

  @Test
  void aPortWithoutRoomForItsManagementPortAsksForOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topology.from(Map.of("MATH_PORT", "65000")))
        .withMessage("MATH_MANAGEMENT_PORT must be given: 65000 + 1000 is past 65535");
  }
}
