package cn.changdu.labour.generator.files;

import cn.changdu.labour.generator.model.Geography;

/** The format the counties send their files in ({@code --format}): all CSV, all XLSX, or each county its own. */
public enum FileFormat {
    CSV, XLSX, MIXED;

    /** The format of a file from this county: under MIXED, odd-numbered counties (in code order) keep XLSX. */
    public ImportFile.Format of(Geography.County county) {
        return switch (this) {
            case CSV -> ImportFile.Format.CSV;
            case XLSX -> ImportFile.Format.XLSX;
            case MIXED -> Geography.COUNTIES.indexOf(county) % 2 == 1 ? ImportFile.Format.XLSX : ImportFile.Format.CSV;
        };
    }
}
