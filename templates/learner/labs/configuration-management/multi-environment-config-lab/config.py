"""One configuration class per environment (module 14 lab). See README.md in this folder.

Settings shared by every environment go in BaseConfig; each environment's class inherits from it
and changes only what differs, so the differences stay visible.
"""


class BaseConfig:
    task_serializer = "json"
    result_serializer = "json"
    accept_content = ["json"]
    # TODO 1: the other shared settings from the README's table (timezone, and the defaults
    #         the environments start from).


class DevelopmentConfig(BaseConfig):
    # TODO 2: app_env, result_expires, reports_api_token ...
    pass


# TODO 3: TestingConfig and ProductionConfig (production's token comes from the environment:
#         see make_app in celeryapp.py, never write a real secret here).
