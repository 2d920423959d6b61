//! trame's integration tests: one test binary (as ripgrep does), one module per area, shared
//! helpers in [`common`]. Each module runs the CLI binary or calls the library on inputs whose
//! expected results were written by hand.

mod align_cli;
mod align_fixtures;
mod align_lib;
mod audit_damage;
mod audit_html;
mod audit_props;
mod audit_rules;
mod bad_input;
mod build_cli;
mod build_package;
mod clean_cli;
mod common;
mod conformance;
mod glossary_csv;
mod glossary_omegat;
mod glossary_shipped;
mod installed_use;
mod leverage_index;
mod prepare_cli;
mod records_cli;
mod regressions;
mod report_rows;
mod segment_cli;
mod segment_fixtures;
mod segment_fr;
mod segment_golden;
mod segment_props;
mod segment_srx;
mod segment_stream;
mod tbx_cli;
mod tbx_repair;
mod tbx_roundtrip;
mod terms_cases;
mod terms_cli;
mod terms_fixtures;
mod terms_stream;
mod terms_target;
mod tmx_cli;
mod tmx_repair;
mod tmx_roundtrip;
