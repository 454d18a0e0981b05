package io.macexo.exoetl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure pieces the charts are made of: scales, thinning, binning, flags, number formats. */
class ChartPartsTest {
  @Test
  void niceScaleRoundsTheDomainAndTicks() {
    LinearScale scale = LinearScale.nice(-1050, 925, 0, 100);
    assertThat(scale.domainLow()).isEqualTo(-1500);
    assertThat(scale.domainHigh()).isEqualTo(1000);
    assertThat(scale.ticks()).containsExactly(-1500.0, -1000.0, -500.0, 0.0, 500.0, 1000.0);
    assertThat(scale.apply(-1500)).isEqualTo(0);
    assertThat(scale.apply(1000)).isEqualTo(100);
    assertThat(LinearScale.nice(0, 0.3, 0, 1).ticks()).contains(0.1, 0.2, 0.3);
    assertThat(LinearScale.nice(5, 5, 0, 1).domainHigh()).isGreaterThan(5);
    assertThat(LinearScale.nice(Double.NaN, 1, 0, 1).domainHigh()).isEqualTo(1);
  }

  @Test
  void downsamplingKeepsPeaksAndMarksNanBuckets() {
    float[] values = new float[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i >= 4000 && i < 5000 ? Float.NaN : (float) Math.sin(i / 10.0);
    }
    values[123] = 50;
    Downsampler.Points points = Downsampler.thin(values, 2000);
    assertThat(points.size()).isLessThanOrEqualTo(2000);
    assertThat(points.y()).contains(50.0);
    long nanPoints = java.util.Arrays.stream(points.y()).filter(Double::isNaN).count();
    assertThat(nanPoints).isEqualTo(100);
    assertThat(Downsampler.thin(new float[] {1, Float.NaN, 3}, 10).y())
        .containsExactly(1, Double.NaN, 3);
    assertThatThrownBy(() -> Downsampler.thin(values, 1))
        .hasMessage("maxPoints must be 2 or more, not 1");
  }

  @Test
  void lineBreaksAtNan() {
    var points =
        new Downsampler.Points(new double[] {0, 1, 2, 3}, new double[] {0, 1, Double.NaN, 1});
    var scale = new LinearScale(0, 10, 0, 10);
    assertThat(LineChart.path(points, scale, scale, 1)).isEqualTo("M0.00,0.00L1.00,1.00M3.00,1.00");
  }

  @Test
  void histogramBinsHaveRoundWidthsAndHoldEveryValue() {
    List<Histogram.Bin> bins = Histogram.bin(new int[] {216, 508, 4001, 4001, 30_801});
    assertThat(bins.get(0).lower()).isEqualTo(0);
    assertThat(bins.get(0).upper()).isEqualTo(2000);
    assertThat(bins.stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(5);
    assertThat(bins.get(bins.size() - 1).upper()).isGreaterThan(30_801);
    assertThat(Histogram.bin(new int[] {7, 7})).containsExactly(new Histogram.Bin(7, 8, 2));
  }

  @Test
  void featuresAreFlaggedByKind() throws Exception {
    var mapper = new ObjectMapper();
    FeatureStats gyro =
        FeatureStats.of(
            mapper.readTree(
                "{\"name\":\"shank_imu_l_gyro_z\",\"count\":40,\"nan_count\":60,"
                    + "\"mean\":1,\"std\":0,\"min\":-2500,\"max\":10}"));
    assertThat(FeatureLimits.kindOf(gyro)).isEqualTo(FeatureLimits.Kind.GYRO);
    assertThat(FeatureLimits.describe(FeatureLimits.flags(gyro)))
        .isEqualTo(
            "range -2500 to 10 exceeds \u00b12000 deg/s; constant (std 0); NaN share 60.0 % over 50 %");
    FeatureStats moment =
        FeatureStats.of(
            mapper.readTree(
                "{\"name\":\"knee_angle_r_moment\",\"group\":\"moment\",\"count\":90,"
                    + "\"nan_count\":10,\"mean\":0.1,\"std\":0.5,\"min\":-3,\"max\":2}"));
    assertThat(FeatureLimits.kindOf(moment)).isEqualTo(FeatureLimits.Kind.MOMENT);
    assertThat(FeatureLimits.flags(moment)).isEmpty();
    assertThat(moment.nanShare()).isEqualTo(0.1);
  }

  @Test
  void numbersAreFormattedWithoutLocale() {
    assertThat(Formats.bytes(34_782_063)).isEqualTo("33.2 MB");
    assertThat(Formats.bytes(42L << 30)).isEqualTo("42.0 GB");
    assertThat(Formats.bytes(900)).isEqualTo("900 B");
    assertThat(Formats.duration(Duration.ofMillis(27_019))).isEqualTo("27.0 s");
    assertThat(Formats.duration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
    assertThat(Formats.duration(Duration.ofSeconds(3720))).isEqualTo("1 h 02 min");
    assertThat(Formats.number(250.0)).isEqualTo("250");
    assertThat(Formats.number(-2.4200001)).isEqualTo("-2.42");
    assertThat(Formats.number(Double.NaN)).isEqualTo("\u2014");
    assertThat(Formats.count(30_801)).isEqualTo("30,801");
    assertThat(Formats.tick(-1500)).isEqualTo("-1500");
    assertThat(Formats.tick(0.5)).isEqualTo("0.5");
  }
}
