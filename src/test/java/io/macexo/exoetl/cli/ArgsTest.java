package io.macexo.exoetl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static Args parse(String... words) {
    return Args.parse(
        List.of(words),
        Set.of("--output", "--trials", "--participants", "--scale"),
        Set.of("--defects"));
  }

  @Test
  void readsValuesSwitchesAndLists() {
    Args args =
        parse("--output", "/tmp/x", "--defects", "--participants=BT01, BT02", "--trials", "3");
    assertThat(args.required("--output")).isEqualTo("/tmp/x");
    assertThat(args.has("--defects")).isTrue();
    assertThat(args.listValue("--participants")).containsExactly("BT01", "BT02");
    assertThat(args.intValue("--trials", 8, 1, 100)).isEqualTo(3);
    assertThat(args.intValue("--missing-flag", 8, 1, 100)).isEqualTo(8);
  }

  @Test
  void mistakesAreOneLineNamingTheFlag() {
    assertThatThrownBy(() -> parse("--bogus")).hasMessage("unknown flag --bogus (see --help)");
    assertThatThrownBy(() -> parse("--output")).hasMessage("--output needs a value");
    assertThatThrownBy(() -> parse("--output", "a", "--output", "b"))
        .hasMessage("--output is given twice");
    assertThatThrownBy(() -> parse("stray")).hasMessage("unexpected argument 'stray' (see --help)");
    assertThatThrownBy(() -> parse().required("--output")).hasMessage("--output is required");
    assertThatThrownBy(() -> parse("--trials", "x").intValue("--trials", 1, 1, 9))
        .hasMessage("--trials must be a whole number, not 'x'");
    assertThatThrownBy(() -> parse("--trials", "0").intValue("--trials", 1, 1, 9))
        .hasMessage("--trials must be between 1 and 9, not 0");
    assertThatThrownBy(() -> parse("--scale", "-1").doubleValue("--scale", 1, 0.001, 10))
        .hasMessage("--scale must be between 0.001 and 10.0, not -1.0");
    assertThatThrownBy(() -> parse("--participants", ",").listValue("--participants"))
        .hasMessage("--participants must list at least one value");
  }
}
