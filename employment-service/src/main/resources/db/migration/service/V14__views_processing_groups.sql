-- The views' tracking processors are named <noun>-views (PlacementViews: placement-views), no longer <noun>-query.
-- A processor's token is stored under its name: moved with it, an existing store carries on from where each view
-- stood instead of replaying every event into tables that already hold them.
UPDATE tokenentry SET processorname = 'placement-views' WHERE processorname = 'placement-query';
UPDATE tokenentry SET processorname = 'household-views' WHERE processorname = 'household-query';
UPDATE tokenentry SET processorname = 'intermediary-views' WHERE processorname = 'intermediary-query';
UPDATE tokenentry SET processorname = 'job-fair-views' WHERE processorname = 'job-fair-query';
UPDATE tokenentry SET processorname = 'job-posting-views' WHERE processorname = 'job-posting-query';
UPDATE tokenentry SET processorname = 'urban-views' WHERE processorname = 'urban-query';
