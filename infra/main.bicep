// CourseBot's Functions host on Azure, as `azd up` deploys it (azure.yaml at the repository root).
// One resource group holds: a Flex Consumption Function App (.NET 10 isolated) running bot/CourseBot.Functions,
// its storage account reached only through a user-assigned managed identity (shared keys off), Application
// Insights on a Log Analytics workspace (Entra ID ingestion), and a Key Vault for the App's private key and webhook
// secret, which the app settings reference and never hold. No registry modules: everything is declared here, so
// `bicep build` and `bicep lint` run offline (the tests run both).
targetScope = 'resourceGroup'

@description('Name of the azd environment; resource names are derived from it.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('The GitHub App id (from the App settings page, or `coursebot serve` setup mode).')
param githubAppId string

@description('The GitHub App private key (PEM). Stored in Key Vault only.')
@secure()
param githubAppPrivateKey string

@description('The GitHub App webhook secret. Stored in Key Vault only.')
@secure()
param webhookSecret string

@description('The course repository (owner/name), e.g. academy/celery-course.')
param courseRepository string

@description('The learner template repository (owner/name), e.g. academy/celery-learner-template.')
param templateRepository string

@description('The OIDC audience the grading workflow requests (CourseBot:Oidc:Audience); empty closes the grade endpoints.')
param oidcAudience string = ''

@description('The reusable grading workflow allowed to send grades, e.g. academy/celery-course/.github/workflows/grade.yml@refs/heads/main.')
param oidcAllowedWorkflowRef string = ''

@description('Most instances the Flex Consumption plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var deploymentContainer = 'deploymentpackage'

// Built-in role ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-coursebot-${token}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stcb${token}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // Only Entra ID: the bot and the Functions runtime use the managed identity (AzureWebJobsStorage__credential).
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainer
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-coursebot-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-coursebot-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry is accepted only with an Entra ID token (the identity holds Monitoring Metrics Publisher).
    DisableLocalAuth: true
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-cb-${take(token, 17)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource privateKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'github-app-private-key'
  properties: { value: githubAppPrivateKey }
}

resource webhookSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'github-webhook-secret'
  properties: { value: webhookSecret }
}

resource blobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-coursebot-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource bot 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-coursebot-${token}'
  location: location
  // azd finds the app to deploy the `bot` service of azure.yaml to by this tag.
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: instanceMemoryMB }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based storage for the runtime (queue trigger, timers) and the bot's stores alike.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'CourseBotQueue', value: 'coursebotdeliveries' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'CourseBot__GitHub__AppId', value: githubAppId }
        { name: 'CourseBot__GitHub__PrivateKey', value: '@Microsoft.KeyVault(SecretUri=${privateKeySecret.properties.secretUri})' }
        { name: 'CourseBot__Webhooks__Secret', value: '@Microsoft.KeyVault(SecretUri=${webhookSecretSecret.properties.secretUri})' }
        { name: 'CourseBot__Journey__CourseRepository', value: courseRepository }
        { name: 'CourseBot__Journey__TemplateRepository', value: templateRepository }
        { name: 'CourseBot__Oidc__Audience', value: oidcAudience }
        { name: 'CourseBot__Oidc__AllowedWorkflowRefs__0', value: oidcAllowedWorkflowRef }
      ]
    }
  }
  dependsOn: [blobOwner, queueContributor, tableContributor, metricsPublisher, secretsUser, deployments]
}

@description('The Payload URL to give the GitHub App (Webhook URL on the App settings page).')
output WEBHOOK_URL string = 'https://${bot.properties.defaultHostName}/api/github/webhooks'

@description('The grade endpoint the grading workflow posts to (CourseBot bot URL + /api/grades).')
output GRADES_URL string = 'https://${bot.properties.defaultHostName}/api/grades'

output AZURE_FUNCTION_APP_NAME string = bot.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
output AZURE_KEY_VAULT_NAME string = vault.name
output APPLICATIONINSIGHTS_NAME string = insights.name
