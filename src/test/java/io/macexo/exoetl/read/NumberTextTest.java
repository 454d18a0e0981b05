package io.macexo.exoetl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte parser must give exactly what Double.parseDouble gives, bit for bit, for every decimal
 * form; must read the missing and infinite spellings; and must refuse everything else.
 */
class NumberTextTest {
  private static double parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return NumberText.parse(bytes, 0, bytes.length);
  }

  @Test
  void plainDecimalsEqualParseDoubleBitForBit() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
      String text =
          switch (i % 4) {
            case 0 -> String.format("%.6f", value);
            case 1 -> String.format("%.3f", value);
            case 2 -> Double.toString(value);
            default -> String.format("%.12f", value);
          };
      assertThat(Double.doubleToRawLongBits(parse(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void theRealFilesSpellingsParse() {
    assertThat(parse("41.76000000000001")).isEqualTo(41.76000000000001);
    assertThat(parse("41.760")).isEqualTo(41.76);
    assertThat(parse("-0.000000")).isEqualTo(-0.0);
    assertThat(parse("+5")).isEqualTo(5.0);
    assertThat(parse(".5")).isEqualTo(0.5);
    assertThat(parse("1e-3")).isEqualTo(0.001);
    assertThat(parse("12345678901234567890.5")).isEqualTo(12345678901234567890.5);
    assertThat(parse(" 2.5\r")).isEqualTo(2.5);
    assertThat(parse("")).isNaN();
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("nan")).isNaN();
    assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(NumberText.isBad(parse("abc"))).isTrue();
    assertThat(NumberText.isBad(parse("n/a"))).isTrue();
    assertThat(NumberText.isBad(parse("1.2.3"))).isTrue();
    assertThat(NumberText.isBad(parse("-"))).isTrue();
    assertThat(NumberText.isBad(parse("NaN"))).isFalse();
  }

  private static void assertSameAsParseDouble(String text) {
    assertThat(Double.doubleToRawLongBits(parse(text)))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Test
  void everyDecimalFormEqualsParseDoubleBitForBit() {
    Random random = new Random(2024);
    for (int i = 0; i < 300_000; i++) {
      assertSameAsParseDouble(randomDecimal(random));
    }
  }

  @Test
  void theWaysProgramsPrintDoublesEqualParseDoubleBitForBit() {
    Random random = new Random(99);
    for (int i = 0; i < 100_000; i++) {
      double value =
          switch (i % 3) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            default -> random.nextInt(2_000_000) / Math.pow(10, random.nextInt(12));
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      for (String text :
          new String[] {
            Double.toString(value), // Java: 1.0E-5
            String.format(Locale.ROOT, "%e", value), // C's printf: 1.000000e-05
            String.format(Locale.ROOT, "%.15g", value), // R's write.csv: 15 significant digits
            String.format(Locale.ROOT, "%.17g", value), // numpy's round trip
            new BigDecimal(value).round(new MathContext(1 + random.nextInt(25))).toString(),
          }) {
        assertSameAsParseDouble(text);
      }
    }
  }

  /** Sign, digits with leading zeros, a dot at either end, exponents near the limits. */
  private static String randomDecimal(Random random) {
    StringBuilder text = new StringBuilder(new String[] {"", "-", "+"}[random.nextInt(3)]);
    String whole = digits(random, random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(22));
    String fraction = digits(random, random.nextInt(3) == 0 ? 0 : random.nextInt(24));
    if (whole.isEmpty() && fraction.isEmpty()) {
      whole = "0";
    }
    text.append(whole);
    if (!fraction.isEmpty() || random.nextBoolean()) {
      text.append('.').append(fraction);
    }
    if (random.nextBoolean()) {
      text.append(random.nextBoolean() ? 'e' : 'E')
          .append(new String[] {"", "-", "+"}[random.nextInt(3)])
          .append(
              random.nextInt(5) == 0
                  ? String.valueOf(290 + random.nextInt(40))
                  : String.valueOf(random.nextInt(30)));
    }
    return text.toString();
  }

  private static String digits(Random random, int count) {
    StringBuilder digits = new StringBuilder();
    boolean leadingZeros = random.nextInt(4) == 0;
    for (int i = 0; i < count; i++) {
      digits.append(leadingZeros && i < count / 2 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  @Test
  void theIssuesNumberFormsParse() {
    assertThat(parse("+1.5")).isEqualTo(1.5);
    assertThat(parse(".5")).isEqualTo(0.5);
    assertThat(parse("5.")).isEqualTo(5.0);
    assertThat(parse("1e-05")).isEqualTo(1e-5);
    assertThat(parse("1E3")).isEqualTo(1000.0);
    assertThat(parse("-0e5")).isEqualTo(-0.0);
    assertThat(parse("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parse("\t-2.5e-3 ")).isEqualTo(-0.0025);
  }

  @Test
  void missingValuesAreNanAndInfinitiesInfinite() {
    for (String missing : new String[] {"", "  ", "NaN", "nan", "NAN", "-nan", "+NaN", "NA"}) {
      assertThat(parse(missing)).as("'%s'", missing).isNaN();
      assertThat(NumberText.isBad(parse(missing))).as("'%s'", missing).isFalse();
    }
    for (String positive : new String[] {"inf", "Inf", "+INF", "Infinity", "infinity"}) {
      assertThat(parse(positive)).as(positive).isEqualTo(Double.POSITIVE_INFINITY);
    }
    for (String negative : new String[] {"-inf", "-Inf", "-Infinity", "-INFINITY"}) {
      assertThat(parse(negative)).as(negative).isEqualTo(Double.NEGATIVE_INFINITY);
    }
  }

  @Test
  void javasOtherFormsAndBrokenNumbersAreNotNumbers() {
    for (String text :
        new String[] {
          "1d", "1.5f", "2D", "0x1p3", "0x10", "1e", "1e+", "--1", "1..2", "e5", ".", "+", "-",
          "1 2", "NaNx", "-NA", "na", "Infinit", "N/A", "1,5", "1e5.5", "\"1\"", "١٢"
        }) {
      assertThat(NumberText.isBad(parse(text))).as("'%s'", text).isTrue();
    }
  }

  private static boolean incomplete(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return NumberText.incomplete(bytes, 0, bytes.length);
  }

  @Test
  void theStartOfANumberIsIncompleteAndAWholeNumberOrAWordIsNot() {
    for (String start : new String[] {"-", "+", ".", "-.", "1e", "1E-", "2.5e+", " 7e "}) {
      assertThat(incomplete(start)).as("'%s'", start).isTrue();
    }
    for (String whole :
        new String[] {"5.", "1e5", "-0", "abc", "", " ", "1.2.3", "NaN", "NA", "inf", "e5", "1x"}) {
      assertThat(incomplete(whole)).as("'%s'", whole).isFalse();
    }
  }

  private static long step(String text, int rateHz) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return NumberText.step(bytes, 0, bytes.length, rateHz);
  }

  private static long stepByDouble(String text, int rateHz) {
    return Math.round(Double.parseDouble(text) * rateHz);
  }

  @Test
  void timeStepsEqualRoundingTheParsedDouble() {
    Random random = new Random(7);
    int[] rates = {200, 100, 1, 333, 899};
    for (int i = 0; i < 300_000; i++) {
      int rate = rates[i % rates.length];
      double seconds = random.nextInt(40_000) / 200.0 + (random.nextInt(3) - 1) * 1e-14;
      String text =
          switch (i % 5) {
            // The recording software's float noise: 17 significant digits.
            case 0 ->
                new java.math.BigDecimal(seconds)
                    .round(new java.math.MathContext(17))
                    .toPlainString();
            case 1 -> Double.toString(seconds);
            case 2 -> String.format("%.16f", random.nextDouble() * 100);
            // Exactly halfway between two steps, and just either side of it.
            case 3 -> String.format("%.16f", (random.nextInt(20_000) + 0.5) / rate);
            default -> String.format("%.15f", seconds + (random.nextInt(3) - 1) * 1e-15);
          };
      assertThat(step(text, rate))
          .as(text + " at " + rate + " Hz")
          .isEqualTo(stepByDouble(text, rate));
    }
  }

  @Test
  void timeStepsOfTheRealSpellingsAndOfNonNumbers() {
    assertThat(step("31.044999999999998", 200)).isEqualTo(6209);
    assertThat(step("0.0025000000000000001", 200))
        .isEqualTo(stepByDouble("0.0025000000000000001", 200));
    assertThat(step("10000000.000000001", 200)).isEqualTo(2_000_000_000L);
    assertThat(step("-31.044999999999998", 200)).isEqualTo(-6209);
    assertThat(step("3.1044999999999998e1", 200)).isEqualTo(6209);
    assertThat(step(" 0.005\r", 200)).isEqualTo(1);
    assertThat(step("", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("NaN", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("inf", 200)).isEqualTo(NumberText.NO_STEP);
    assertThat(step("1.2.3", 200)).isEqualTo(NumberText.NO_STEP);
  }
}
