"""LTI 1.3: an LMS course adds the quiz (Deep Linking), launches it for a learner (OIDC login
and launch) and receives the score (Assignment and Grade Services).

keys.py and claims.py are plain Python and PyJWT (no web, no database): the tool's key and
every message checked or signed. keysets.py fetches platforms' key sets; repository.py holds
every query; platforms.py, launches.py, deep_linking.py and grades.py are the services;
pages.py renders the few HTML pages; runtime.py is what the tool keeps while the app runs;
router.py the routes, cli.py `python -m service lti-register`."""
