package govgrade.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The growth figures as a PNG: time per account against batch size, batch size on a log scale. */
final class Plot {
    private Plot() {
    }

    static Path timePerAccount(List<GrowthBench.Point> points, String subtitle, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("govgrade: time per account by batch size (" + subtitle + ")")
                .xAxisTitle("accounts in the batch (log scale)").yAxisTitle("microseconds per account").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        double[] x = points.stream().mapToDouble(GrowthBench.Point::accounts).toArray();
        double[] y = points.stream().mapToDouble(GrowthBench.Point::microsPerAccount).toArray();
        XYSeries s = chart.addSeries("read, validate, grade, write JSON", x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        Path file = dir.resolve("time-per-account.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
