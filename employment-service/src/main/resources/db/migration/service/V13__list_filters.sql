-- The remaining filters of the lists, each alone an indexed range too: placements of a channel or a status
-- (V10 indexed county, person, employer, household, intermediary, job fair and overdue), and the households with
-- nobody employed city-wide (V11 indexed county and site).
CREATE INDEX employment_placement_channel ON employment_placement (channel, start_date, placement_id);
CREATE INDEX employment_placement_status ON employment_placement (status, start_date, placement_id);
CREATE INDEX employment_household_employed ON employment_household (employed_members, site, household_id);
