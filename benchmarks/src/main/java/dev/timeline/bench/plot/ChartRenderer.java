package dev.timeline.bench.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.ChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws a {@link Chart} with XChart into a PNG of {@link #WIDTH} by {@link #HEIGHT} pixels. Needs no
 * display: call {@link #headless()} before anything touches AWT.
 */
final class ChartRenderer
{
    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private static final String PNG = ".png";
    private static final String PNG_FORMAT = "png";
    private static final String NUMBER_PATTERN = "#,##0.###";
    private static final double PERCENT = 100;
    private static final int CATEGORY_LABEL_ROTATION = 45;

    private ChartRenderer()
    {
    }

    /** Makes AWT render without a display; effective only before AWT first loads. */
    static void headless()
    {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Writes {@code chart} to {@code directory} as a PNG named after the chart.
     *
     * @return the file written.
     */
    static Path write(final Chart chart, final Path directory) throws IOException
    {
        final BufferedImage image = BitmapEncoder.getBufferedImage(
            chart.kind() == Chart.Kind.PERCENTILES ? percentiles(chart) : categories(chart));
        final Path file = directory.resolve(chart.name() + PNG);
        ImageIO.write(image, PNG_FORMAT, file.toFile());
        return file;
    }

    private static XYChart percentiles(final Chart chart)
    {
        final XYChart xy =
            framed(new XYChartBuilder(), chart).xAxisTitle(chart.xTitle()).yAxisTitle(chart.yTitle()).build();
        style(xy.getStyler(), chart);
        final DecimalFormat percent = new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        xy.getStyler()
            .setXAxisLogarithmic(true)
            .setXAxisTickLabelsFormattingFunction(x -> percent.format(PERCENT - PERCENT / x) + "%");
        for (final Chart.Series series : chart.series())
        {
            xy.addSeries(series.name(), series.x(), series.y());
        }
        return xy;
    }

    private static CategoryChart categories(final Chart chart)
    {
        final CategoryChart categories =
            framed(new CategoryChartBuilder(), chart).xAxisTitle(chart.xTitle()).yAxisTitle(chart.yTitle()).build();
        style(categories.getStyler(), chart);
        if (chart.kind() == Chart.Kind.LINES)
        {
            categories.getStyler()
                .setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line)
                .setOverlapped(true);
        }
        else
        {
            categories.getStyler().setXAxisLabelRotation(CATEGORY_LABEL_ROTATION);
        }
        for (final Chart.Series series : chart.series())
        {
            categories.addSeries(series.name(), series.x(), series.y());
        }
        return categories;
    }

    private static <B extends ChartBuilder<B, ?>> B framed(final B builder, final Chart chart)
    {
        return builder.width(WIDTH).height(HEIGHT).title(chart.title());
    }

    private static void style(final AxesChartStyler styler, final Chart chart)
    {
        styler.setChartBackgroundColor(Color.WHITE)
            .setLegendPosition(Styler.LegendPosition.OutsideS)
            .setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisDecimalPattern(NUMBER_PATTERN);
        if (chart.logY())
        {
            // XChart starts bars at zero, which a logarithmic axis cannot show: start at the decade below.
            styler.setYAxisLogarithmic(true).setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest(chart)))));
        }
        else
        {
            styler.setYAxisMin(0.0);
        }
    }

    private static double lowest(final Chart chart)
    {
        return chart.series().stream().flatMap(series -> series.y().stream())
            .filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
